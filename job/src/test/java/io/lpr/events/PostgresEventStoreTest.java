package io.lpr.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
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

    private String url;
    private Database db;

    @BeforeEach
    void createDatabase() {
        db = PG.newJobDatabase();
        url = db.url();
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
    void thePasswordComesFromTheVariableTheSettingsNameWhenConnecting() {
        assertThat(url).doesNotContain("password");
        EventStore.ensureSchema(Database.resolve(url, PG.user(), Database.DEFAULT_PASSWORD_ENV));
        Database unsetVariable = Database.resolve(url, PG.user(), "LPR_TEST_NO_SUCH_VARIABLE");
        assertThatThrownBy(() -> EventStore.ensureSchema(unsetVariable))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to " + url + ": ");
    }

    @Test
    void aWrongPasswordIsReportedWithoutAnyPassword() {
        Database wrong = Database.of(url + "?password=hunter2", PG.user(), null);
        assertThatThrownBy(() -> EventStore.ensureSchema(wrong))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to " + url + "?password=***: ")
                .hasMessageContaining("password authentication failed")
                .message().doesNotContain("hunter2").doesNotContain(PG.password());
    }
}
