package io.lpr.operator;

import io.lpr.event.PassageRead;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import io.lpr.image.Images;
import io.lpr.plate.PlateGrammar;
import io.lpr.track.PassageTracker;
import io.lpr.track.PlateTrack;
import io.lpr.track.TrackerConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per camera (the key): follows plates across frames in keyed state and emits one event per passage once
 * the watermark shows the plate has been gone for the passage gap. End of input flushes every passage.
 * Each read is also sent on, with its passage's id, on the side output {@link #PASSAGE_READS} as soon as
 * its frame is complete (the next frame's first read, or the watermark): the watch-list alerts act on it
 * while the passage is still open. A read the recogniser skipped (its plate already sure) only keeps its passage
 * open and counts its frame.
 */
public class TrackPassages extends KeyedProcessFunction<String, PlateRead, PlateEvent> {
    private static final long serialVersionUID = 1L;
    private static final int CROP_JPEG_QUALITY = 90;
    /** Every read as it joins its passage (alerts need not wait for the passage to end). */
    public static final OutputTag<PassageRead> PASSAGE_READS =
            new OutputTag<>("passage-reads", TypeInformation.of(PassageRead.class));

    private final TrackerConfig config;
    private final PlateGrammar grammar;
    private transient ListState<PlateTrack> tracks;
    private transient Counter events;

    /** The grammar is the recogniser's: a text the tracker composes from several reads must be one it could read. */
    public TrackPassages(TrackerConfig config, PlateGrammar grammar) {
        this.config = config;
        this.grammar = grammar;
    }

    @Override
    public void open(OpenContext context) {
        tracks = getRuntimeContext().getListState(new ListStateDescriptor<>("plate-tracks", PlateTrack.class));
        events = getRuntimeContext().getMetricGroup().counter("plateEvents");
    }

    @Override
    public void processElement(PlateRead read, Context ctx, Collector<PlateEvent> out) throws Exception {
        if (!read.tracked()) {
            return;
        }
        PassageTracker tracker = load();
        if (tracker.startsNewFrame(read.candidate.eventTime)) {
            tracker.release(ctx.getCurrentKey()).forEach(r -> ctx.output(PASSAGE_READS, r));
        }
        PlateTrack track = tracker.add(read);
        if (read.readable()) {
            // A skipped read has no text for the alerts: its passage's reads already said it.
            tracker.hold(track, read);
        }
        tracks.update(tracker.tracks());
        if (!tracker.tracks().isEmpty()) {
            ctx.timerService().registerEventTimeTimer(tracker.nextClose());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PlateEvent> out) throws Exception {
        PassageTracker tracker = load();
        tracker.release(ctx.getCurrentKey()).forEach(r -> ctx.output(PASSAGE_READS, r));
        List<PlateEvent> closed = tracker.closeIdle(timestamp, ctx.getCurrentKey(),
                t -> Images.encodeJpeg(t.cropPixels, t.cropWidth, t.cropHeight, CROP_JPEG_QUALITY));
        closed.forEach(out::collect);
        events.inc(closed.size());
        tracks.update(tracker.tracks());
        if (!tracker.tracks().isEmpty()) {
            ctx.timerService().registerEventTimeTimer(tracker.nextClose());
        }
    }

    private PassageTracker load() throws Exception {
        List<PlateTrack> open = new ArrayList<>();
        for (PlateTrack t : tracks.get()) {
            open.add(t);
        }
        return new PassageTracker(config, grammar, open);
    }
}
