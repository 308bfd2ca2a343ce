package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionSweeper} on a thread of its own beside the sink writer: once at start, then every
 * {@code period}. Its own connection and short transactions keep it off the task thread, so the sink's writes
 * and checkpoints never wait for a sweep. A failed sweep (the database away) is logged and tried again next
 * period; retention never fails the job, whose writes the upserter guards.
 */
final class RetentionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    /** How long closing waits for a sweep under way to finish its batches. */
    private static final long CLOSE_WAIT_S = 10;

    private final ScheduledExecutorService thread;

    private RetentionSchedule(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /** Starts sweeping; the counters count the rows deleted, the crops cleared and the snapshots deleted. */
    static RetentionSchedule start(Database db, RetentionConfig config, Counter deletedEvents, Counter clearedCrops,
            Counter deletedSnapshots) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lpr-retention");
            t.setDaemon(true);
            return t;
        });
        RetentionSweeper sweeper = new RetentionSweeper(db, config);
        Runnable sweep = () -> {
            try {
                RetentionSweeper.Swept swept = sweeper.sweep(Instant.now());
                deletedEvents.inc(swept.deletedEvents());
                clearedCrops.inc(swept.clearedCrops());
                deletedSnapshots.inc(swept.deletedSnapshots());
                if (swept.deletedEvents() + swept.clearedCrops() + swept.deletedSnapshots() > 0) {
                    LOG.info("retention: deleted {} expired event(s), {} crop(s) and {} snapshot(s) from {}",
                            swept.deletedEvents(), swept.clearedCrops(), swept.deletedSnapshots(), db.maskedUrl());
                }
            } catch (SQLException e) {
                LOG.warn("retention: {}; tried again in {}", db.describe("deleting expired rows", e), config.period());
            } catch (DatabaseException e) {
                LOG.warn("retention: {}; tried again in {}", e.getMessage(), config.period());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("retention sweep of {} failed, tried again in {}", db.maskedUrl(), config.period(), e);
            }
        };
        // The first sweep as a one-off task: it still runs when the writer closes at once (a short bounded job).
        thread.execute(sweep);
        long periodMs = config.period().toMillis();
        thread.scheduleWithFixedDelay(sweep, periodMs, periodMs, TimeUnit.MILLISECONDS);
        return new RetentionSchedule(thread);
    }

    /** No further sweep; one under way finishes its batches, or is interrupted after {@value #CLOSE_WAIT_S} s. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_S, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
