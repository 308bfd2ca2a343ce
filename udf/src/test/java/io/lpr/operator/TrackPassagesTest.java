package io.lpr.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import io.lpr.image.Images;
import io.lpr.plate.PlateGrammar;
import io.lpr.track.EventIds;
import io.lpr.track.TrackerConfig;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The tracking operator in Flink's keyed test harness: event-time timers, per-camera state, restore. */
class TrackPassagesTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, PlateRead, PlateEvent> harness() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TrackPassages(TrackerConfig.DEFAULTS, PlateGrammar.russian())),
                read -> read.candidate.cameraId,
                Types.STRING);
        harness.open();
        return harness;
    }

    private static StreamRecord<PlateRead> read(String camera, long time, String text) {
        Frame frame = new Frame(camera, time, time / 200, 1920, 1080, null);
        byte[] crop = new byte[8 * 4 * 3];
        PlateCandidate candidate = new PlateCandidate(frame, new Box(100, 800, 190, 830), 0.9f, 8, 4, crop);
        return new StreamRecord<>(new PlateRead(candidate, text, -100), time);
    }

    private static List<PlateEvent> events(KeyedOneInputStreamOperatorTestHarness<String, PlateRead, PlateEvent> h) {
        return h.extractOutputValues();
    }

    @Test
    void emitsOneEventPerCameraOnceTheWatermarkPassesTheGap() throws Exception {
        try (var h = harness()) {
            for (long t = 1_000; t <= 2_000; t += 200) {
                h.processElement(read("gate", t, "B840CK197"));
                h.processElement(read("yard", t, "A123BC77"));
            }
            h.processWatermark(new Watermark(4_999)); // 2.0 s + 3 s gap not reached
            assertThat(events(h)).isEmpty();

            h.processWatermark(new Watermark(5_000));
            assertThat(events(h)).extracting(e -> e.cameraId + ":" + e.plateText + ":" + e.frames)
                    .containsExactlyInAnyOrder("gate:B840CK197:6", "yard:A123BC77:6");
            try (Mat crop = Images.decode(events(h).get(0).cropJpeg)) {
                assertThat(crop.cols()).isEqualTo(8);
            }
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void openPassagesSurviveASnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.processElement(read("gate", 1_000, "B840CK197"));
            h.processElement(read("gate", 1_200, "B840CK197"));
            snapshot = h.snapshot(1, 1_300);
        }
        var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TrackPassages(TrackerConfig.DEFAULTS, PlateGrammar.russian())),
                (PlateRead read) -> read.candidate.cameraId,
                Types.STRING);
        try (restored) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(read("gate", 1_400, "B840OK197"));
            restored.processWatermark(new Watermark(Long.MAX_VALUE));

            assertThat(events(restored)).singleElement().satisfies(e -> {
                assertThat(e.plateText).isEqualTo("B840CK197");
                assertThat(e.frames).isEqualTo(3);
                assertThat(e.firstSeen).isEqualTo(1_000);
            });
        }
    }

    /**
     * Open passages in a checkpoint taken before tracks kept their first box and rank (the resource was
     * written by this harness at commit aed8b70): Flink's POJO schema evolution restores them, and the
     * passage is named by where it started.
     */
    @Test
    void openPassagesFromAnOlderCheckpointAreRestored() throws Exception {
        var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TrackPassages(TrackerConfig.DEFAULTS, PlateGrammar.russian())),
                (PlateRead read) -> read.candidate.cameraId,
                Types.STRING);
        try (restored) {
            restored.initializeState(OperatorSnapshotUtil.readStateHandle(
                    Path.of(TrackPassagesTest.class.getResource("track-passages-2026-12.snapshot").toURI()).toString()));
            restored.open();
            restored.processElement(read("gate", 1_400, "B840OK197"));
            restored.processWatermark(new Watermark(Long.MAX_VALUE));

            assertThat(events(restored)).singleElement().satisfies(e -> {
                assertThat(e.plateText).isEqualTo("B840CK197");
                assertThat(e.frames).isEqualTo(3);
                assertThat(e.firstSeen).isEqualTo(1_000);
                assertThat(e.eventId).isEqualTo(EventIds.of("gate", 1_000, 0));
                assertThat(e.revision).isEqualTo(1);
                assertThat(e.isFinal).isTrue();
            });
        }
    }

    /**
     * Each read goes on to the alerts once its frame is complete, named by its passage's settled id: two cars
     * that start in the same frame, the right one read first, get the ids their events get (left rank 0).
     */
    @Test
    void readsGoOnWithTheirPassagesSettledIdOnceTheirFrameIsComplete() throws Exception {
        try (var h = harness()) {
            h.processElement(at(read("gate", 1_000, "B840CK197"), 900));
            h.processElement(at(read("gate", 1_000, "A123BC77"), 100));
            assertThat(h.getSideOutput(TrackPassages.PASSAGE_READS)).as("the frame may have more reads").isNull();

            h.processElement(at(read("gate", 1_200, "B840CK197"), 900));
            assertThat(h.getSideOutput(TrackPassages.PASSAGE_READS)).extracting(r -> r.getValue().plateText + ":"
                    + r.getValue().eventId).containsExactlyInAnyOrder(
                            "B840CK197:" + EventIds.of("gate", 1_000, 1), "A123BC77:" + EventIds.of("gate", 1_000, 0));
            h.processElement(at(read("gate", 1_200, "A123BC77"), 100));

            h.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(h.getSideOutput(TrackPassages.PASSAGE_READS)).as("the last frame at the end").hasSize(4);
            assertThat(events(h)).extracting(e -> e.plateText + ":" + e.eventId).containsExactlyInAnyOrder(
                    "B840CK197:" + EventIds.of("gate", 1_000, 1), "A123BC77:" + EventIds.of("gate", 1_000, 0));
        }
    }

    @Test
    void aSkippedReadCountsItsFrameAndKeepsThePassageOpenWithoutAVoteOrAnAlert() throws Exception {
        try (var h = harness()) {
            h.processElement(read("gate", 1_000, "B840CK197"));
            h.processElement(read("gate", 1_200, "B840CK197"));
            h.processElement(skipped(read("gate", 1_400, "B840CK197")));
            h.processElement(skipped(read("gate", 1_600, "B840CK197")));

            h.processWatermark(new Watermark(4_599));
            assertThat(events(h)).as("the skipped reads keep it open").isEmpty();
            h.processWatermark(new Watermark(4_600));
            assertThat(events(h)).singleElement().satisfies(e -> {
                assertThat(e.frames).isEqualTo(4);
                assertThat(e.votes).isEqualTo(2);
                assertThat(e.lastSeen).isEqualTo(1_600);
            });
            assertThat(h.getSideOutput(TrackPassages.PASSAGE_READS)).as("only the reads go on to the alerts")
                    .extracting(r -> r.getValue().seenAt).containsExactly(1_000L, 1_200L);
        }
    }

    private static StreamRecord<PlateRead> skipped(StreamRecord<PlateRead> record) {
        return new StreamRecord<>(PlateRead.skipped(record.getValue().candidate), record.getTimestamp());
    }

    private static StreamRecord<PlateRead> at(StreamRecord<PlateRead> record, float x) {
        record.getValue().candidate.box = new Box(x, 800, x + 90, 830);
        return record;
    }
}
