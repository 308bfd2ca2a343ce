package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * Flink sinks that upsert {@link PlateEvent}s into {@code plate_events} (at-least-once; the upsert by
 * deterministic event id makes replays idempotent). Rows are written in batches of {@code batchSize}, at the
 * latest every {@code batchIntervalMs}, and always on checkpoint and at end of input.
 */
public final class PlateEventSinks {
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final long DEFAULT_BATCH_INTERVAL_MS = 1000;
    private static final int MAX_RETRIES = 3;

    private PlateEventSinks() {}

    /** A JDBC sink with the default batching. */
    public static Sink<PlateEvent> jdbc(Database db) {
        return jdbc(db, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_INTERVAL_MS);
    }

    public static Sink<PlateEvent> jdbc(Database db, int batchSize, long batchIntervalMs) {
        if (batchSize <= 0 || batchIntervalMs < 0) {
            throw new IllegalArgumentException("batch size must be positive and batch interval not negative, got "
                    + batchSize + " and " + batchIntervalMs + " ms");
        }
        JdbcExecutionOptions execution = JdbcExecutionOptions.builder()
                .withBatchSize(batchSize)
                .withBatchIntervalMs(batchIntervalMs)
                .withMaxRetries(MAX_RETRIES)
                .build();
        return JdbcSink.<PlateEvent>builder()
                .withQueryStatement(PlateEventsTable.upsert(), new PlateEventStatement(db.dialect()))
                .withExecutionOptions(execution)
                .buildAtLeastOnce(new SchemaCreatingConnectionProvider(db));
    }
}
