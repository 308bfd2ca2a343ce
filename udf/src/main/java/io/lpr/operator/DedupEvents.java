package io.lpr.operator;

import io.lpr.dedup.DedupConfig;
import io.lpr.dedup.DedupEntry;
import io.lpr.dedup.EventDeduplicator;
import io.lpr.event.PlateEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per camera or camera group (the key): passage events in, deduplicated events out, in event time. A
 * passage of a plate seen within the sliding window updates the earlier event (same id: the sink's row is
 * updated). State is bounded: an event leaves it once the watermark passes its last sighting plus the
 * window and the allowed lateness. Passages later than that are emitted as they are and counted.
 *
 * <p>The output is a changelog per event id ({@link EventDeduplicator}): revisions 1, 2, ... as passages
 * join, numbered in the keyed state, and a final record (next revision, same content) from the timer that
 * drops the event from the state. A late passage is its own event: revision 1, final.
 */
public class DedupEvents extends KeyedProcessFunction<String, PlateEvent, PlateEvent> {
    private static final long serialVersionUID = 1L;

    private final DedupConfig config;
    private transient ListState<DedupEntry> entries;
    private transient Counter merged;
    private transient Counter late;

    public DedupEvents(DedupConfig config) {
        this.config = config;
    }

    /** The key: the camera's group, or the camera. */
    public static KeySelector<PlateEvent, String> key(DedupConfig config) {
        return event -> config.keyOf(event.cameraId);
    }

    @Override
    public void open(OpenContext context) {
        entries = getRuntimeContext().getListState(new ListStateDescriptor<>("dedup-entries", DedupEntry.class));
        merged = getRuntimeContext().getMetricGroup().counter("mergedEvents");
        late = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(PlateEvent passage, Context ctx, Collector<PlateEvent> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (watermark != Long.MIN_VALUE && passage.lastSeen < watermark - config.allowedLateness().toMillis()) {
            late.inc();
            out.collect(passage);
            return;
        }
        EventDeduplicator dedup = load();
        PlateEvent event = dedup.add(passage);
        if (!event.eventId.equals(passage.eventId)) {
            merged.inc();
        }
        out.collect(event);
        entries.update(dedup.entries());
        ctx.timerService().registerEventTimeTimer(dedup.nextExpiry());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PlateEvent> out) throws Exception {
        EventDeduplicator dedup = load();
        dedup.expire(timestamp).forEach(out::collect);
        entries.update(dedup.entries());
        if (!dedup.entries().isEmpty()) {
            ctx.timerService().registerEventTimeTimer(dedup.nextExpiry());
        }
    }

    private EventDeduplicator load() throws Exception {
        List<DedupEntry> held = new ArrayList<>();
        for (DedupEntry e : entries.get()) {
            held.add(e);
        }
        return new EventDeduplicator(config, held);
    }
}
