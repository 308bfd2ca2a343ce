package io.lpr.job;

import io.lpr.settings.LprSettings;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import io.lpr.operator.DedupEvents;
import io.lpr.operator.DetectPlates;
import io.lpr.operator.RecognizePlates;
import io.lpr.operator.TrackPassages;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's dataflow, with its ends passed in so that {@code main}, the CLI and the tests wire different
 * sources and sinks (named, for their uids) to the same operators: frames, detect, recognise, key by camera, track passages, sinks.
 * Every operator has a stable uid so savepoints survive edits.
 */
public final class LprTopology {
    private LprTopology() {}

    public static DataStream<PlateEvent> build(
            StreamExecutionEnvironment env,
            Source<Frame, ?, ?> source,
            LprSettings settings,
            Map<String, Sink<PlateEvent>> sinks) {
        return build(env, source, settings, sinks, null);
    }

    /** As {@link #build(StreamExecutionEnvironment, Source, LprSettings, Map)}, with watch-list alerts unless null. */
    public static DataStream<PlateEvent> build(
            StreamExecutionEnvironment env,
            Source<Frame, ?, ?> source,
            LprSettings settings,
            Map<String, Sink<PlateEvent>> sinks,
            AlertTopology alerts) {
        SingleOutputStreamOperator<PlateEvent> passages = track(reads(env, source, settings), settings);
        DataStream<PlateEvent> events = dedup(passages, settings);
        if (alerts != null) {
            alerts.attach(passages.getSideOutput(TrackPassages.PASSAGE_READS), settings);
        }
        // One event per vehicle passage is a trickle: a single writer per sink keeps SQLite (one writer at a
        // time) simple and costs PostgreSQL or Kafka nothing.
        sinks.forEach((name, sink) ->
                events.sinkTo(sink).name("sink-" + name).uid("sink-" + name).setParallelism(1));
        return events;
    }

    /** Frames, detect, recognise: every read, the unreadable ones included (the evaluation scores them). */
    public static DataStream<PlateRead> reads(
            StreamExecutionEnvironment env, Source<Frame, ?, ?> source, LprSettings settings) {
        WatermarkStrategy<Frame> watermarks = WatermarkStrategy.<Frame>forBoundedOutOfOrderness(
                        settings.watermark().outOfOrderness())
                .withTimestampAssigner((frame, ts) -> frame.eventTime)
                .withIdleness(settings.watermark().idleness());
        DataStream<Frame> frames = env.fromSource(source, watermarks, "cameras").uid("cameras");

        DataStream<PlateCandidate> candidates = AsyncDataStream.orderedWait(
                        frames,
                        new DetectPlates(settings.detector(), settings.guide(), settings.models(),
                                settings.detectorBatching(), settings.plateShape(), settings.snapshot()),
                        settings.detectorBatching().timeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.detectorBatching().capacity())
                .name("detect-plates").uid("detect-plates");

        return AsyncDataStream.orderedWait(
                        candidates,
                        new RecognizePlates(settings.recognizer(), settings.models(), settings.recognizerBatching(),
                                settings.reading(), settings.sureReads(), settings.tracker()),
                        settings.recognizerBatching().timeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.recognizerBatching().capacity())
                .name("recognize-plates").uid("recognize-plates");
    }

    /**
     * Readable (and skipped) reads, keyed by camera, tracked into passages, then deduplicated over a sliding window per
     * camera (or camera group): one event per vehicle stay, updated as later passages join it.
     */
    public static DataStream<PlateEvent> events(DataStream<PlateRead> reads, LprSettings settings) {
        return dedup(track(reads, settings), settings);
    }

    /** The passages, with every read on the side output {@link TrackPassages#PASSAGE_READS} as it joins one. */
    private static SingleOutputStreamOperator<PlateEvent> track(DataStream<PlateRead> reads, LprSettings settings) {
        return reads
                // A skipped read (its plate already sure) keeps its passage open and counts its frame.
                .filter(PlateRead::tracked).name("readable-plates").uid("readable-plates")
                .keyBy(read -> read.candidate.cameraId)
                .process(new TrackPassages(settings.tracker(), settings.reading().grammar()))
                .name("track-passages").uid("track-passages");
    }

    private static DataStream<PlateEvent> dedup(DataStream<PlateEvent> passages, LprSettings settings) {
        if (!settings.dedup().enabled()) {
            return passages;
        }
        return passages
                .keyBy(DedupEvents.key(settings.dedup()))
                .process(new DedupEvents(settings.dedup()))
                .name("dedup-events").uid("dedup-events");
    }
}
