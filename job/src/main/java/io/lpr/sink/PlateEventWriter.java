package io.lpr.sink;

import io.lpr.event.PlateEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * The plate events sink's writer: events wait in a batch that is upserted when it holds {@code batchSize}
 * events, {@code intervalMs} after its first event, before each checkpoint and at the end of input, so a
 * completed checkpoint means every event before it is stored (at least once; the upsert by event id makes a
 * repeat harmless). Everything runs on the task thread, the interval too (a processing-time timer), so a
 * failed write fails the task at once and a stop or checkpoint never races a write.
 *
 * <p>Closing writes nothing: a writer is closed after {@code flush(true)} when the input ends, and otherwise
 * only when the task fails or is cancelled, when the events still waiting are replayed from the checkpoint.
 * It also stops the writer's {@link RetentionSchedule}, when it has one.
 */
final class PlateEventWriter implements SinkWriter<PlateEvent> {
    private final EventUpserter upserter;
    private final int batchSize;
    private final long intervalMs;
    private final ProcessingTimeService time;
    private final UnaryOperator<PlateEvent> copy;
    private final List<PlateEvent> batch = new ArrayList<>();
    private final AutoCloseable retention;
    private ScheduledFuture<?> timer;

    /** @param copy copies an event the caller may reuse (object reuse), else the identity */
    PlateEventWriter(EventUpserter upserter, int batchSize, long intervalMs, ProcessingTimeService time,
            UnaryOperator<PlateEvent> copy) {
        this(upserter, batchSize, intervalMs, time, copy, () -> {});
    }

    /** @param retention the sweep of expired rows beside this writer, closed with it */
    PlateEventWriter(EventUpserter upserter, int batchSize, long intervalMs, ProcessingTimeService time,
            UnaryOperator<PlateEvent> copy, AutoCloseable retention) {
        this.retention = retention;
        this.upserter = upserter;
        this.batchSize = batchSize;
        this.intervalMs = intervalMs;
        this.time = time;
        this.copy = copy;
    }

    @Override
    public void write(PlateEvent event, Context context) throws IOException, InterruptedException {
        batch.add(copy.apply(event));
        if (batch.size() >= batchSize) {
            writeBatch();
        } else if (intervalMs > 0 && timer == null) {
            timer = time.registerTimer(time.getCurrentProcessingTime() + intervalMs, now -> {
                timer = null;
                writeBatch();
            });
        }
    }

    /** Before each checkpoint ({@code endOfInput} false) and at the end of the input. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeBatch();
    }

    private void writeBatch() throws IOException, InterruptedException {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (!batch.isEmpty()) {
            upserter.upsert(batch);
            batch.clear();
        }
    }

    @Override
    public void close() throws Exception {
        if (timer != null) {
            timer.cancel(false);
        }
        try (AutoCloseable sweeping = retention) {
            upserter.close();
        }
    }
}
