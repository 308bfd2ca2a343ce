package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention sweep on a real PostgreSQL server the test starts. */
class RetentionPostgresTest extends RetentionSweeperContract {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private Database db;

    @BeforeEach
    void createDatabase() {
        db = PG.newJobDatabase();
    }

    @Override
    Database database() {
        return db;
    }
}
