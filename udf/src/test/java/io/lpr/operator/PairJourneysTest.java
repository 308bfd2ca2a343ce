package io.lpr.operator;

import static io.lpr.journey.JourneyPairerTest.MINUTE;
import static io.lpr.journey.JourneyPairerTest.in;
import static io.lpr.journey.JourneyPairerTest.out;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.PlateEvent;
import io.lpr.journey.Journey;
import io.lpr.journey.JourneyPassage;
import io.lpr.journey.JourneySpec;
import io.lpr.journey.JourneysConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Journeys' pairing in Flink's keyed harness: passages paired in time order once the watermark passes them,
 * an entry expired by its timer, open entries kept through a snapshot and restore, none expired at the end
 * of input; and the fan-out of final events to the journeys' sides.
 */
class PairJourneysTest {
    private static final JourneysConfig CONFIG = new JourneysConfig(
            List.of(new JourneySpec("parking", "in", "out", Duration.ofHours(1))), Map.of(), Duration.ofMinutes(6));

    private static KeyedOneInputStreamOperatorTestHarness<String, JourneyPassage, Journey> unopened() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PairJourneys(CONFIG)),
                p -> p.journey, Types.STRING);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, JourneyPassage, Journey> harness() throws Exception {
        var h = unopened();
        h.open();
        return h;
    }

    private static StreamRecord<JourneyPassage> record(JourneyPassage p) {
        return new StreamRecord<>(p, p.recordTime);
    }

    private static String show(List<Journey> rows) {
        return String.join(" ", rows.stream().map(r -> r.entryEventId + ":" + r.state
                + (r.exitEventId == null ? "" : "/" + r.exitEventId)).toList());
    }

    @Test
    void anExitThatArrivesBeforeItsEntryStillPairsOnceTheWatermarkPassesBoth() throws Exception {
        try (var h = harness()) {
            h.processElement(record(out("x1", "0123BC77", 20 * MINUTE)));
            h.processElement(record(in("e1", "O123BC77", 5 * MINUTE)));
            assertThat(h.extractOutputValues()).isEmpty();
            h.processWatermark(new Watermark(30 * MINUTE));
            List<Journey> rows = h.extractOutputValues();
            assertThat(show(rows)).isEqualTo("e1:open e1:closed/x1");
            assertThat(rows.get(1).durationMs()).isEqualTo(15 * MINUTE);
            assertThat(rows.get(1).journey).isEqualTo("parking");
        }
    }

    @Test
    void anEntryWithoutExitExpiresByItsTimer() throws Exception {
        try (var h = harness()) {
            h.processElement(record(in("e1", "A123BC77", 0)));
            h.processWatermark(new Watermark(10 * MINUTE));
            assertThat(show(h.extractOutputValues())).isEqualTo("e1:open");
            h.processWatermark(new Watermark(66 * MINUTE - 1));
            assertThat(h.extractOutputValues()).hasSize(1);
            h.processWatermark(new Watermark(66 * MINUTE)); // 1 h limit + 6 min settle
            assertThat(show(h.extractOutputValues())).isEqualTo("e1:open e1:expired");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aRestoreKeepsOpenAndWaitingPassagesAndTheirTimers() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.processElement(record(in("e1", "A123BC77", 0)));
            h.processElement(record(in("e2", "K095AE177", MINUTE)));
            h.processWatermark(new Watermark(10 * MINUTE));
            h.processElement(record(out("x1", "A123BC77", 20 * MINUTE))); // waiting for the watermark
            snapshot = h.snapshot(1, 11 * MINUTE);
        }
        try (var restored = unopened()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processWatermark(new Watermark(30 * MINUTE));
            assertThat(show(restored.extractOutputValues())).isEqualTo("e1:closed/x1");
            restored.processWatermark(new Watermark(67 * MINUTE));
            assertThat(show(restored.extractOutputValues())).isEqualTo("e1:closed/x1 e2:expired");
        }
    }

    @Test
    void theEndOfInputLeavesOpenEntriesOpen() throws Exception {
        try (var h = harness()) {
            h.processElement(record(in("e1", "A123BC77", 0)));
            h.processElement(record(in("e2", "K095AE177", MINUTE)));
            h.processElement(record(out("x2", "K095AE177", 2 * MINUTE)));
            h.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(show(h.extractOutputValues())).isEqualTo("e1:open e2:open e2:closed/x2");
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void onlyFinalEventsAtASideBecomePassages() throws Exception {
        try (var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new JourneyPassages(CONFIG)))) {
            h.open();
            h.processElement(new StreamRecord<>(event("in", "A123BC77", false), 1_000));
            h.processElement(new StreamRecord<>(event("in", "A123BC77", true), 2_000));
            h.processElement(new StreamRecord<>(event("yard", "A123BC77", true), 3_000));
            h.processElement(new StreamRecord<>(event("out", "A123BC77", true), 4_000));
            List<JourneyPassage> out = h.extractOutputValues();
            assertThat(out).extracting(p -> p.cameraId + (p.entry ? ":in@" : ":out@") + p.recordTime)
                    .containsExactly("in:in@2000", "out:out@4000");
            assertThat(out).allSatisfy(p -> assertThat(p.journey).isEqualTo("parking"));
        }
    }

    private static PlateEvent event(String camera, String plate, boolean isFinal) {
        PlateEvent e = new PlateEvent();
        e.eventId = camera + "-1";
        e.cameraId = camera;
        e.plateText = plate;
        e.firstSeen = 500;
        e.lastSeen = 900;
        e.isFinal = isFinal;
        return e;
    }
}
