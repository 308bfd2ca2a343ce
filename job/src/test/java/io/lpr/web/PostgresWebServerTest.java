package io.lpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API on a real PostgreSQL server the test starts. */
class PostgresWebServerTest extends WebServerContract {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private Database db;

    @Override
    @BeforeEach
    void startServer() {
        // Reached as lpr serve reaches it: the password from $LPR_DB_PASSWORD when connecting, never in the URL.
        db = PG.newJobDatabase();
        super.startServer();
    }

    @Override
    Database writable() {
        return db;
    }

    @Override
    Database readOnly() {
        return db.readOnly();
    }

    @Test
    void anUnreachableDatabaseIsAClearErrorWithoutThePassword() throws Exception {
        String missing = db.url().replaceFirst("/lpr_test_\\d+$", "/no_such_db");
        try (WebServer other = WebServer.start(Database.resolve(missing, PG.user(), null).readOnly(), "127.0.0.1", 0, null)) {
            Http client = new Http(other.port());
            String error = json(client.get("/api/events"), 503).get("error").asText();
            assertThat(error).startsWith("database unavailable: cannot connect to ").contains("no_such_db")
                    .doesNotContain(PG.password());
            assertThat(json(client.get("/healthz"), 503).get("status").asInt()).isEqualTo(503);
            assertThat(plates(json(http.get("/api/events"), 200))).hasSize(4);
        }
    }
}
