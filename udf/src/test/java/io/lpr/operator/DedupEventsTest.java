package io.lpr.operator;

import static io.lpr.dedup.EventDeduplicatorTest.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.dedup.DedupConfig;
import io.lpr.event.PlateEvent;
import io.lpr.track.EventIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;

/**
 * The dedup stage in Flink's keyed harness: keys (cameras, groups), revisions, the final record at expiry,
 * lateness, restore (also from a checkpoint an earlier version wrote).
 */
class DedupEventsTest {
    private static final long MINUTE = 60_000;
    private static final DedupConfig CONFIG = DedupConfig.DEFAULTS.withGroupOfCamera(DedupConfig.groups(List.of("site=in,out")));

    private static KeyedOneInputStreamOperatorTestHarness<String, PlateEvent, PlateEvent> harness() throws Exception {
        var harness = unopened();
        harness.open();
        return harness;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PlateEvent, PlateEvent> unopened() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DedupEvents(CONFIG)), DedupEvents.key(CONFIG), Types.STRING);
    }

    private static StreamRecord<PlateEvent> record(PlateEvent e) {
        return new StreamRecord<>(e, e.lastSeen);
    }

    private static String revisions(List<PlateEvent> events) {
        return String.join(" ", events.stream().map(e -> e.cameraId + ":" + e.revision + (e.isFinal ? "F" : "")).toList());
    }

    @Test
    void passagesWithinTheWindowUpdateOneEventPerCameraOrGroup() throws Exception {
        try (var h = harness()) {
            h.processElement(record(passage("in", "A123BC77", 1_000, 5_000, 4, 0.9f)));
            h.processElement(record(passage("yard", "A123BC77", 2_000, 6_000, 4, 0.9f)));
            h.processWatermark(new Watermark(9_000));
            h.processElement(record(passage("out", "A123BC77", 20_000, 25_000, 3, 0.8f)));

            List<PlateEvent> out = h.extractOutputValues();
            assertThat(out).extracting(e -> e.eventId).containsExactly(
                    EventIds.of("in", 1_000, 0), EventIds.of("yard", 2_000, 0), EventIds.of("in", 1_000, 0));
            assertThat(revisions(out)).isEqualTo("in:1 yard:1 in:2");
            assertThat(out.get(2).lastSeen).isEqualTo(25_000);
            assertThat(out.get(2).frames).isEqualTo(7);
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);

            // Expiry: 25 s + 5 min window + 1 min lateness for the site, 6 s + 6 min for the yard.
            h.processWatermark(new Watermark(6_000 + 6 * MINUTE));
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
            h.processWatermark(new Watermark(25_000 + 6 * MINUTE));
            assertThat(h.numKeyedStateEntries()).isZero();

            // Each event's last record is final: its content as last sent, with the next revision.
            List<PlateEvent> all = h.extractOutputValues();
            assertThat(revisions(all)).isEqualTo("in:1 yard:1 in:2 yard:2F in:3F");
            assertThat(all.get(4)).usingRecursiveComparison().ignoringFields("revision", "isFinal").isEqualTo(out.get(2));
            assertThat(all.get(3)).usingRecursiveComparison().ignoringFields("revision", "isFinal").isEqualTo(out.get(1));
        }
    }

    @Test
    void passagesLaterThanTheAllowedLatenessAreCountedAndKeptAsTheirOwnEvents() throws Exception {
        try (var h = harness()) {
            h.processWatermark(new Watermark(10 * MINUTE));
            PlateEvent late = passage("yard", "A123BC77", 8 * MINUTE, 8 * MINUTE + 1_000, 3, 0.9f);
            PlateEvent inTime = passage("gate", "A123BC77", 9 * MINUTE + 30_000, 9 * MINUTE + 31_000, 3, 0.9f);
            h.processElement(record(late));
            h.processElement(record(inTime));
            assertThat(h.extractOutputValues()).extracting(e -> e.eventId).containsExactly(late.eventId, inTime.eventId);
            assertThat(revisions(h.extractOutputValues())).as("a late passage is emitted once, final")
                    .isEqualTo("yard:1F gate:1");
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void theWindowAndTheRevisionSurviveASnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.processElement(record(passage("yard", "B840CK197", 1_000, 30_000, 20, 0.9f)));
            h.processElement(record(passage("yard", "B840CK197", 31_000, 35_000, 2, 0.9f)));
            snapshot = h.snapshot(1, 36_000);
        }
        try (var restored = unopened()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(record(passage("yard", "B840OK197", 40_000, 50_000, 5, 0.6f)));
            restored.processWatermark(new Watermark(Long.MAX_VALUE));

            List<PlateEvent> out = restored.extractOutputValues();
            assertThat(revisions(out)).isEqualTo("yard:3 yard:4F");
            assertThat(out).allSatisfy(e -> {
                assertThat(e.eventId).isEqualTo(EventIds.of("yard", 1_000, 0));
                assertThat(e.plateText).isEqualTo("B840CK197");
                assertThat(e.frames).isEqualTo(27);
                assertThat(e.runnerUps).containsExactly("B840OK197");
            });
            assertThat(restored.numKeyedStateEntries()).isZero();
        }
    }

    /**
     * A checkpoint written before events had a revision (the resource was written by this harness at commit
     * aed8b70, holding one event of "yard" from 1 s to 30 s): Flink's POJO schema evolution restores it, the
     * event keeps its id, and its records go on from revision 2 (its first record had been sent).
     */
    @Test
    void aWindowFromAnOlderCheckpointIsRestored() throws Exception {
        String oldId = UUID.nameUUIDFromBytes("yard\u0000B840CK197\u00001000".getBytes(StandardCharsets.UTF_8)).toString();
        try (var restored = unopened()) {
            restored.initializeState(OperatorSnapshotUtil.readStateHandle(
                    Path.of(DedupEventsTest.class.getResource("dedup-events-2026-12.snapshot").toURI()).toString()));
            restored.open();
            restored.processElement(record(passage("yard", "B840OK197", 40_000, 50_000, 5, 0.6f)));
            restored.processWatermark(new Watermark(Long.MAX_VALUE));

            List<PlateEvent> out = restored.extractOutputValues();
            assertThat(revisions(out)).isEqualTo("yard:2 yard:3F");
            assertThat(out).allSatisfy(e -> {
                assertThat(e.eventId).isEqualTo(oldId);
                assertThat(e.plateText).isEqualTo("B840CK197");
                assertThat(e.frames).isEqualTo(25);
            });
            assertThat(restored.numKeyedStateEntries()).isZero();
        }
    }
}
