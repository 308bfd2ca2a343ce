package io.lpr.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void picksTheDialectFromTheUrl() {
        assertThat(Database.of("jdbc:sqlite:plates.db", null, null).dialect()).isEqualTo(SqlDialect.SQLITE);
        assertThat(Database.of("jdbc:postgresql://db:5432/lpr", "lpr", "LPR_DB_PASSWORD").dialect()).isEqualTo(SqlDialect.POSTGRES);
    }

    @Test
    void aBarePathIsASqliteFile() {
        Database db = Database.of("data/plates.db", null, null);
        assertThat(db.url()).isEqualTo("jdbc:sqlite:data/plates.db");
        assertThat(db.isSqlite()).isTrue();
    }

    @Test
    void anUnsupportedUrlIsOneLineWithoutThePassword() {
        assertThatThrownBy(() -> Database.of("jdbc:mysql://db/lpr?user=a&password=secret", null, null))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("unsupported database URL jdbc:mysql://db/lpr?user=a&password=***: "
                        + "expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    @Test
    void aReadOnlyCopyCannotWriteAndNeverCreatesTheFile(@TempDir Path dir) throws Exception {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x INTEGER)");
        }
        try (Connection c = db.readOnly().open(); Statement st = c.createStatement()) {
            assertThat(st.executeQuery("SELECT COUNT(*) FROM t").next()).isTrue();
            assertThatThrownBy(() -> st.execute("INSERT INTO t VALUES (1)")).hasMessageContaining("SQLITE_READONLY");
        }
        Database missing = Database.of("jdbc:sqlite:" + dir.resolve("missing.db"), null, null).readOnly();
        assertThatThrownBy(missing::open).isInstanceOf(DatabaseException.class);
        assertThat(dir.resolve("missing.db")).doesNotExist();
        assertThat(Database.of("jdbc:postgresql://db/lpr?ssl=true", "lpr", null).readOnly().url())
                .isEqualTo("jdbc:postgresql://db/lpr?ssl=true&readOnly=true&readOnlyMode=always");
    }

    @Test
    void masksPasswordsInUrls() {
        assertThat(Database.mask("jdbc:postgresql://db/lpr?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/lpr?user=a&password=***&ssl=true");
        assertThat(Database.mask("jdbc:postgresql://a:secret@db/lpr")).isEqualTo("jdbc:postgresql://a:***@db/lpr");
        assertThat(Database.mask("jdbc:sqlite:plates.db")).isEqualTo("jdbc:sqlite:plates.db");
        assertThat(Database.of("jdbc:postgresql://db/lpr?password=secret", "lpr", "LPR_DB_PASSWORD").toString())
                .isEqualTo("jdbc:postgresql://db/lpr?password=*** (user lpr)");
    }

    @Test
    void theSqliteFileOfARelativeUrlIsResolvedAgainstTheWorkingDirectory() {
        Database db = Database.of("jdbc:sqlite:no/such/dir/plates.db", null, null);
        Path expected = Path.of("no/such/dir/plates.db").toAbsolutePath();
        assertThatThrownBy(db::requireCreatable).hasMessageContaining(expected.toString());
    }

    @Test
    void aNewSqliteDatabaseAndItsWalFilesAreTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plates.db");
        Database db = Database.of("jdbc:sqlite:" + file, null, null);
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE cameras (id TEXT, url TEXT)");
            st.execute("INSERT INTO cameras VALUES ('gate', 'rtsp://admin:secret@10.0.0.5/stream')");
            // Open: the -wal and -shm files exist while a connection holds the database.
            for (String name : new String[] {"plates.db", "plates.db-wal", "plates.db-shm"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
        try (Connection c = db.open(); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT url FROM cameras")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("rtsp://admin:secret@10.0.0.5/stream");
        }
    }
}
