package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import java.sql.SQLException;
import org.apache.flink.util.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting the sink again while its database is away (restarting, failing over, unreachable): retried
 * with exponential backoff for up to {@value #GIVE_UP_AFTER_MS} ms, so a short outage costs the sink a
 * pause and not a job restart. Longer outages fail the task; the job restarts from its last checkpoint
 * (with backoff too) and nothing since that checkpoint is lost. Other errors (a wrong password, a missing
 * privilege) fail at once.
 */
final class ConnectRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectRetry.class);
    static final long GIVE_UP_AFTER_MS = 60_000;
    private static final long FIRST_WAIT_MS = 250;
    private static final long LONGEST_WAIT_MS = 5_000;

    private ConnectRetry() {}

    interface Attempt<T> {
        T run() throws SQLException;
    }

    static <T> T withBackoff(Database db, Attempt<T> attempt) throws SQLException {
        long giveUpAt = System.currentTimeMillis() + GIVE_UP_AFTER_MS;
        long wait = FIRST_WAIT_MS;
        for (int failures = 0; ; failures++) {
            try {
                return attempt.run();
            } catch (SQLException | DatabaseException e) {
                if (!isOutage(e) || System.currentTimeMillis() + wait > giveUpAt) {
                    throw e;
                }
                if (failures == 0) {
                    LOG.warn("database {} unreachable ({}); retrying for up to {} s", db.maskedUrl(),
                            Database.mask(Database.firstLine(e)), GIVE_UP_AFTER_MS / 1000);
                }
                sleep(wait);
                wait = Math.min(LONGEST_WAIT_MS, wait * 2);
            }
        }
    }

    /** Connection failures (SQLSTATE class 08) and a server shutting down or starting up (57P01-57P03). */
    static boolean isOutage(Throwable e) {
        return ExceptionUtils.findThrowable(e, SQLException.class)
                .map(SQLException::getSQLState)
                .filter(state -> state != null && (state.startsWith("08") || state.startsWith("57P0")))
                .isPresent();
    }

    private static void sleep(long ms) throws SQLException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database", "08000", e);
        }
    }
}
