package io.lpr.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.testing.ChildJvm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process opens a SQLite database with a temp folder of its own and is killed with {@code kill -9}:
 * the driver's native library came from the per-user cache, so nothing of it is left in that temp folder
 * (unpacked per process, it left a 1 MB library and its {@code .lck} behind).
 */
class SqliteNativesTest {
    @TempDir
    Path dir;

    @Test
    void aProcessKilledWithADatabaseOpenLeavesNothingInItsTempFolder() throws Exception {
        Path java = dir.resolve("java-tmp");
        try (ChildJvm child = ChildJvm.start(dir, java, OpenAndWait.class, dir.resolve("plates.db").toString())) {
            Path library = Path.of(child.awaitLine("opened with "));
            child.kill();

            assertThat(ChildJvm.filesIn(java)).as("left in the killed process's temp folder: %s", child.output())
                    .isEmpty();
            assertThat(library).isRegularFile();
            assertThat(library.getParent().getParent().getFileName()).hasToString("sqlite");
        }
    }

    /** Opens the database as the job does (through {@link Database}), queries it, then waits to be killed. */
    public static final class OpenAndWait {
        public static void main(String[] args) throws SQLException, InterruptedException {
            try (Connection c = Database.of(args[0], null, null).open();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
                System.out.println("opened with " + Path.of(System.getProperty(SqliteNatives.LIB_PATH),
                        System.getProperty(SqliteNatives.LIB_NAME)));
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
