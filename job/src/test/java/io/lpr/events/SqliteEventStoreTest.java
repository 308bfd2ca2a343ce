package io.lpr.events;

import io.lpr.sink.PlateEventStatement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStoreTest extends EventStoreContract {
    @TempDir
    Path tmp;

    private Database db;

    @BeforeEach
    void createDatabase() {
        db = Database.of(tmp.resolve("plates.db").toString(), null, null);
    }

    @Override
    Database database() {
        return db;
    }

    @Test
    void storesInstantsAsSortableUtcText() throws Exception {
        EventStore.ensureSchema(db);
        PlateEventStatement.upsert(db, List.of(event("cam-1", "B840CK197", T0, 5)));
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT first_seen, last_seen FROM plate_events")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2024-05-01T12:00:00.000Z");
            assertThat(rs.getString(2)).isEqualTo("2024-05-01T12:00:02.400Z");
        }
    }

    /** SQLite stores any text in any column: a time that is not one, a count that is not a number are named. */
    @Test
    void aStoredTimeThatIsNotATimeIsNamed() throws Exception {
        EventStore.ensureSchema(db);
        PlateEventStatement.upsert(db, List.of(event("cam-1", "B840CK197", T0, 5)));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE plate_events SET last_seen = 'soon', frames = 'many'");
        }
        StoredEvent row = EventStore.read(db, all(false)).get(0);
        assertThat(row.event().plateText).isEqualTo("B840CK197");
        assertThat(row.event().firstSeen).isEqualTo(T0);
        assertThat(row.unreadable()).hasSize(2);
        assertThat(row.unreadable().get(0)).startsWith("last_seen: cannot be read (Text 'soon'");
        assertThat(row.unreadable().get(1)).isEqualTo("frames: cannot be read ('many' is not a whole number)");
    }

    @Test
    void anUncreatableFileIsOneLineNamingThePath() {
        Database nowhere = Database.of("jdbc:sqlite:/nonexistent/dir/plates.db", null, null);
        assertThatThrownBy(() -> EventStore.ensureSchema(nowhere))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("cannot create SQLite database /nonexistent/dir/plates.db: "
                        + "directory /nonexistent/dir does not exist");
    }

    @Test
    void aJobWritingToAnUncreatableFileFailsNamingThePath() {
        db = Database.of("jdbc:sqlite:/nonexistent/dir/plates.db", null, null);
        String expected = "cannot create SQLite database /nonexistent/dir/plates.db: directory /nonexistent/dir "
                + "does not exist";
        assertThatThrownBy(() -> runJob(List.of(event("cam-1", "B840CK197", T0, 5))))
                .satisfies(e -> assertThat(ExceptionUtils.findThrowableWithMessage(e, expected)).isPresent());
    }

    @Test
    void queryingAMissingFileDoesNotCreateIt() {
        Database missing = Database.of(tmp.resolve("typo.db").toString(), null, null);
        assertThatThrownBy(() -> EventStore.query(missing, EventQuery.latest()))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("no SQLite database at " + tmp.resolve("typo.db"));
        assertThat(tmp.resolve("typo.db")).doesNotExist();
    }
}
