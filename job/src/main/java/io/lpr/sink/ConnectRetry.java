package io.lpr.sink;

import io.lpr.util.Messages;
import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import java.sql.SQLException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing or connecting again while the database is away (restarting, failing over, unreachable): retried
 * with exponential backoff for up to {@value #GIVE_UP_AFTER_MS} ms, so a short outage costs the sink a
 * pause and not a job restart. Longer outages fail the task; the job restarts from its last checkpoint
 * (with backoff too) and nothing since that checkpoint is lost. Other errors (a wrong password, a missing
 * privilege, a rejected row) fail at once.
 *
 * <p>Failures are described by {@link #describe}, never by the driver's message as it is: PgJDBC's batch
 * error starts with the whole statement and its parameters ("Batch entry 0 INSERT INTO ... VALUES (..., crop
 * bytes, ...)"), and a server error's detail lines repeat the row.
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
        return withBackoff(db, GIVE_UP_AFTER_MS, attempt);
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with something other than an outage, or the outage has
     * lasted {@code giveUpAfterMs}; then the last failure is thrown as it was.
     */
    static <T> T withBackoff(Database db, long giveUpAfterMs, Attempt<T> attempt) throws SQLException {
        long giveUpAt = System.currentTimeMillis() + giveUpAfterMs;
        long wait = FIRST_WAIT_MS;
        for (int failures = 0; ; failures++) {
            try {
                return attempt.run();
            } catch (SQLException | DatabaseException e) {
                if (!isOutage(e) || System.currentTimeMillis() + wait > giveUpAt
                        || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (failures == 0) {
                    LOG.warn("database {} unreachable ({}); retrying for up to {} s", db.maskedUrl(), describe(e),
                            giveUpAfterMs / 1000);
                }
                sleep(wait);
                wait = Math.min(LONGEST_WAIT_MS, wait * 2);
            }
        }
    }

    /** Connection failures (SQLSTATE class 08) and a server shutting down or starting up (57P01-57P03). */
    static boolean isOutage(Throwable e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /**
     * One line for a failed database call that holds no statement parameter: the SQLSTATE and the first line
     * of the most specific driver message, password-masked. A batch's own message (which repeats the
     * statement with its values) is replaced by the error of the entry that failed; a line that still quotes
     * the statement is left out.
     */
    static String describe(Throwable e) {
        SQLException sql = mostSpecific(e);
        if (sql == null) {
            return Database.mask(Messages.firstLine(e));
        }
        String line = Messages.firstLine(sql);
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.contains("INSERT") || upper.contains("BATCH ENTRY")) {
            line = sql.getClass().getSimpleName();
        }
        String state = sql.getSQLState();
        return (state == null ? "" : "SQLSTATE " + state + ": ") + Database.mask(line);
    }

    /** The SQLSTATE of the most specific SQL error in {@code e}, or null. */
    static String sqlState(Throwable e) {
        SQLException sql = mostSpecific(e);
        return sql == null ? null : sql.getSQLState();
    }

    /**
     * The first SQL error among {@code e} and its causes, followed to the end of its chain of next exceptions
     * (a batch's, where the failed entry's own error is).
     */
    private static SQLException mostSpecific(Throwable e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return null;
        }
        for (SQLException next = sql.getNextException(); next != null && next != sql; next = next.getNextException()) {
            sql = next;
        }
        return sql;
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
