package io.lpr.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEventStoreTest extends EventStoreContract {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private Database db;

    @BeforeEach
    void createDatabase() {
        db = Database.of(PG.newDatabase(), PG.user(), PG.password());
    }

    @Override
    Database database() {
        return db;
    }

    @Test
    void storesInstantsAsTimestamptz() throws Exception {
        EventStore.ensureSchema(db);
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT data_type FROM information_schema.columns "
                        + "WHERE table_name = 'plate_events' AND column_name IN ('first_seen', 'last_seen')")) {
            int columns = 0;
            while (rs.next()) {
                assertThat(rs.getString(1)).isEqualTo("timestamp with time zone");
                columns++;
            }
            assertThat(columns).isEqualTo(2);
        }
    }

    @Test
    void aWrongPasswordIsReportedWithoutAnyPassword() {
        String url = db.url() + "?password=hunter2";
        Database wrong = Database.of(url, PG.user(), "not-" + PG.password());
        assertThatThrownBy(() -> EventStore.ensureSchema(wrong))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to " + db.url() + "?password=***: ")
                .hasMessageContaining("password authentication failed")
                .message().doesNotContain("hunter2").doesNotContain(PG.password());
    }
}
