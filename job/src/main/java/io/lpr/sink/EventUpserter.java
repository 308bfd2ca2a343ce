package io.lpr.sink;

import io.lpr.events.EventStore;
import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.event.PlateEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts batches of plate events over one connection, kept open between batches and opened on the first one
 * (creating the table if absent, so the sink works against an empty database). Each batch is one transaction:
 * written whole or not at all, so a retried batch is the same batch.
 *
 * <p>While the database is away the batch is retried with {@link ConnectRetry}'s backoff for up to the retry
 * window; after that, or at once for any other error, it fails with one line that names the database and the
 * SQLSTATE and holds no parameter of the statement. The driver's exception is not attached: its message and
 * its chain repeat the statement with every value (the crop's bytes too), and Flink logs a failure's whole
 * chain. Not thread-safe: the sink writer calls it from its task thread.
 */
final class EventUpserter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventUpserter.class);
    private final Database db;
    private final long retryWindowMs;
    private final PlateEventStatement statement;
    private Connection connection;
    private boolean schemaReady;

    EventUpserter(Database db, long retryWindowMs) {
        this.db = db;
        this.retryWindowMs = retryWindowMs;
        this.statement = new PlateEventStatement(db.dialect());
    }

    /**
     * Writes {@code events} in one transaction.
     *
     * @throws IOException one line: the outage outlasted the retry window, or the database refused the batch
     * @throws InterruptedException the task is being cancelled
     */
    void upsert(List<PlateEvent> events) throws IOException, InterruptedException {
        if (events.isEmpty()) {
            return;
        }
        try {
            ConnectRetry.withBackoff(db, retryWindowMs, () -> {
                writeOnce(events);
                return null;
            });
        } catch (SQLException | DatabaseException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled while writing plate events to " + db.maskedUrl());
            }
            String cause = ConnectRetry.describe(e);
            IOException failure = new IOException(ConnectRetry.isOutage(e)
                    ? "cannot write " + events.size() + " plate event(s): database " + db.maskedUrl() + " unreachable for "
                            + retryWindowMs / 1000 + " s (" + cause + "); the job restarts from its last checkpoint and "
                            + "writes them once the database is back"
                    : "cannot write " + events.size() + " plate event(s) to " + db.maskedUrl() + ": " + cause);
            // Said here too: a local run shows only Flink's errors, and a task failure is not one.
            LOG.warn(failure.getMessage());
            throw failure;
        }
    }

    private void writeOnce(List<PlateEvent> events) throws SQLException {
        try {
            Connection c = connection();
            statement.executeBatch(c, events);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            // A broken connection, or one whose transaction the server aborted: the next try opens a new one.
            close();
            throw e;
        } catch (AssertionError e) {
            close();
            StackTraceElement[] at = e.getStackTrace();
            if (at.length > 0 && at[0].getClassName().startsWith("org.postgresql.")) {
                // With assertions on (-ea, as in tests) PgJDBC asserts that a batch's connection still answers
                // getAutoCommit(); one that died mid-batch does not. That is the outage itself.
                throw new SQLException("connection lost during the batch", "08006", e);
            }
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            db.requireCreatable();
            connection = db.open();
            if (!schemaReady) {
                EventStore.createSchema(connection, db.dialect());
                schemaReady = true;
            }
            connection.setAutoCommit(false);
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a broken connection can fail; it is gone either way (and rolled back).
            } finally {
                connection = null;
            }
        }
    }
}
