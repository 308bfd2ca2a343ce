package io.lpr.web;

import io.lpr.db.Database;
import io.lpr.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API on a real PostgreSQL server the test starts. */
class PostgresWebServerTest extends WebServerContract {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private String url;

    @Override
    @BeforeEach
    void startServer() {
        // The password travels in the URL only because a test cannot set the environment lpr serve reads it from.
        url = PG.newDatabase() + "?password=" + PG.password();
        super.startServer();
    }

    @Override
    Database writable() {
        return Database.of(url, PG.user(), null);
    }

    @Override
    Database readOnly() {
        return writable().readOnly();
    }
}
