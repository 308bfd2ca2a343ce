package io.lpr.operator;

import static io.lpr.dedup.EventDeduplicatorTest.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.dedup.DedupConfig;
import io.lpr.event.PlateEvent;
import io.lpr.track.EventIds;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The dedup stage in Flink's keyed harness: keys (cameras, groups), event-time expiry, lateness, restore. */
class DedupEventsTest {
    private static final long MINUTE = 60_000;
    private static final DedupConfig CONFIG = DedupConfig.of(5 * MINUTE, 1, List.of("site=in,out"), MINUTE, 3_000);

    private static KeyedOneInputStreamOperatorTestHarness<String, PlateEvent, PlateEvent> harness() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DedupEvents(CONFIG)), DedupEvents.key(CONFIG), Types.STRING);
        harness.open();
        return harness;
    }

    private static StreamRecord<PlateEvent> record(PlateEvent e) {
        return new StreamRecord<>(e, e.lastSeen);
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
                    EventIds.of("in", "A123BC77", 1_000), EventIds.of("yard", "A123BC77", 2_000),
                    EventIds.of("in", "A123BC77", 1_000));
            assertThat(out.get(2).lastSeen).isEqualTo(25_000);
            assertThat(out.get(2).frames).isEqualTo(7);
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);

            // Expiry: 25 s + 5 min window + 1 min lateness for the site, 6 s + 6 min for the yard.
            h.processWatermark(new Watermark(6_000 + 6 * MINUTE));
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
            h.processWatermark(new Watermark(25_000 + 6 * MINUTE));
            assertThat(h.numKeyedStateEntries()).isZero();
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
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void theWindowSurvivesASnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.processElement(record(passage("yard", "B840CK197", 1_000, 30_000, 20, 0.9f)));
            snapshot = h.snapshot(1, 31_000);
        }
        var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DedupEvents(CONFIG)), DedupEvents.key(CONFIG), Types.STRING);
        try (restored) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(record(passage("yard", "B840OK197", 40_000, 50_000, 5, 0.6f)));
            restored.processWatermark(new Watermark(Long.MAX_VALUE));

            assertThat(restored.extractOutputValues()).singleElement().satisfies(e -> {
                assertThat(e.eventId).isEqualTo(EventIds.of("yard", "B840CK197", 1_000));
                assertThat(e.plateText).isEqualTo("B840CK197");
                assertThat(e.frames).isEqualTo(25);
                assertThat(e.runnerUps).containsExactly("B840OK197");
            });
            assertThat(restored.numKeyedStateEntries()).isZero();
        }
    }
}
