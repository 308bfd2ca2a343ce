package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink sinks that upsert {@link PlateEvent}s into {@code plate_events} (at-least-once; the upsert by
 * deterministic event id makes replays idempotent). Rows are written in batches of {@code batchSize}, at the
 * latest every {@code batchIntervalMs}, and always on checkpoint and at end of input; see {@link PlateEventWriter}.
 *
 * <p>Our own writer, not flink-connector-jdbc's {@code JdbcSink} (4.0.0-2.0), which cannot be configured to
 * survive an outage longer than its retries. Its {@code JdbcOutputFormat.flush} closes the prepared statement
 * before reconnecting and leaves it null when reconnecting fails; the failing task's {@code close()} then
 * flushes the same batch into the null statement, and the NullPointerException ("ps" is null) escapes Flink's
 * failure handling as a fatal error that ends the TaskManager: in a local run its only one, so the job can
 * never restart and the process idles for good (issue #16). With no retries ({@code maxRetries} 0) it never
 * reconnects at all. It also logs each failed batch with the driver's message, which repeats the INSERT with
 * every parameter, crop bytes included, and flushes on its own thread under a lock the task thread waits on.
 * {@link EventUpserter} retries an outage for {@link ConnectRetry#GIVE_UP_AFTER_MS} ms, then fails the task
 * with one line, and Flink's restart strategy restarts the job from its checkpoint until the database is back.
 */
public final class PlateEventSinks {
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final long DEFAULT_BATCH_INTERVAL_MS = 1000;
    /** Metric of the sink writer: events deleted by retention since the writer started. */
    public static final String DELETED_EVENTS = "retentionDeletedEvents";
    /** Metric of the sink writer: crops deleted by retention since the writer started. */
    public static final String CLEARED_CROPS = "retentionDeletedCrops";
    /** Metric of the sink writer: full-frame snapshots deleted by retention since the writer started. */
    public static final String DELETED_SNAPSHOTS = "retentionDeletedSnapshots";

    private PlateEventSinks() {}

    /** A JDBC sink with the default batching. */
    public static Sink<PlateEvent> jdbc(Database db) {
        return jdbc(db, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_INTERVAL_MS);
    }

    /** A JDBC sink with the default batching that also deletes what {@code retention} says has expired. */
    public static Sink<PlateEvent> jdbc(Database db, RetentionConfig retention) {
        return jdbc(db, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_INTERVAL_MS, retention);
    }

    /** @param batchIntervalMs 0 for no interval: batches are written when full, on checkpoint and at the end */
    public static Sink<PlateEvent> jdbc(Database db, int batchSize, long batchIntervalMs) {
        return jdbc(db, batchSize, batchIntervalMs, RetentionConfig.DEFAULTS);
    }

    /**
     * As {@link #jdbc(Database, int, long)}; the first subtask's writer also runs the retention sweep
     * ({@link RetentionSchedule}), counted in its metrics {@value #DELETED_EVENTS}, {@value #CLEARED_CROPS} and {@value #DELETED_SNAPSHOTS}.
     */
    public static Sink<PlateEvent> jdbc(Database db, int batchSize, long batchIntervalMs, RetentionConfig retention) {
        if (batchSize <= 0 || batchIntervalMs < 0) {
            throw new IllegalArgumentException("batch size must be positive and batch interval not negative, got "
                    + batchSize + " and " + batchIntervalMs + " ms");
        }
        return new JdbcEventSink(db, batchSize, batchIntervalMs, ConnectRetry.GIVE_UP_AFTER_MS, retention);
    }

    private static final class JdbcEventSink implements Sink<PlateEvent> {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(PlateEventSinks.class);

        private final Database db;
        private final int batchSize;
        private final long batchIntervalMs;
        private final long retryWindowMs;
        private final RetentionConfig retention;

        JdbcEventSink(Database db, int batchSize, long batchIntervalMs, long retryWindowMs, RetentionConfig retention) {
            this.retention = retention;
            this.db = db;
            this.batchSize = batchSize;
            this.batchIntervalMs = batchIntervalMs;
            this.retryWindowMs = retryWindowMs;
        }

        @Override
        public SinkWriter<PlateEvent> createWriter(WriterInitContext context) throws IOException {
            int attempt = context.getTaskInfo().getAttemptNumber();
            if (attempt > 0) {
                // Flink's own lines about restarts are below a local run's log level; this one says it happened.
                LOG.info("plate events sink to {} restarted (attempt {})", db.maskedUrl(), attempt);
            }
            UnaryOperator<PlateEvent> copy = UnaryOperator.identity();
            if (context.isObjectReuseEnabled()) {
                TypeSerializer<PlateEvent> serializer = context.createInputSerializer();
                copy = serializer::copy;
            }
            // One sweeper per job, not one per subtask racing the others for the same rows.
            AutoCloseable sweeping = () -> {};
            if (retention.enabled() && context.getTaskInfo().getIndexOfThisSubtask() == 0) {
                var metrics = context.metricGroup();
                sweeping = RetentionSchedule.start(db, retention, metrics.counter(DELETED_EVENTS),
                        metrics.counter(CLEARED_CROPS), metrics.counter(DELETED_SNAPSHOTS));
            }
            return new PlateEventWriter(new EventUpserter(db, retryWindowMs), batchSize, batchIntervalMs,
                    context.getProcessingTimeService(), copy, sweeping);
        }
    }
}
