package io.lpr.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Alert;
import io.lpr.event.PassageRead;
import io.lpr.watch.AlertMatcher;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchLevel;
import io.lpr.watch.WatchList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The alert operator in Flink's keyed broadcast harness: the list changing mid-stream, and restore. */
class RaiseAlertsTest {
    private static final WatchEntry STOLEN = WatchEntry.of("O567AM76", true, "stolen", WatchLevel.ALERT, null);
    private static final WatchEntry PATTERN = WatchEntry.of("*197", false, null, WatchLevel.INFO, null);

    private static RaiseAlerts function() {
        return new RaiseAlerts(new AlertMatcher(0.8f, Map.of()), Duration.ofSeconds(3));
    }

    private static KeyedBroadcastOperatorTestHarness<String, PassageRead, WatchList, Alert> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                function(), (PassageRead r) -> r.cameraId, Types.STRING, RaiseAlerts.WATCH_LIST);
    }

    private static PassageRead read(String camera, String eventId, String text, long time) {
        return new PassageRead(eventId, camera, text, 0.9f, time, 1);
    }

    private static List<String> alerts(KeyedBroadcastOperatorTestHarness<String, PassageRead, WatchList, Alert> h) {
        return h.extractOutputValues().stream().map(a -> a.cameraId + ":" + a.plateText + ":" + a.entry).toList();
    }

    @Test
    void anEntryAddedMidStreamMatchesTheNextPassageAndARemovedOneStops() throws Exception {
        try (var h = harness()) {
            h.processBroadcastElement(WatchList.of(List.of(STOLEN)), 0);
            h.processElement(read("gate", "p1", "B840CK197", 1_000), 1_000);
            h.processElement(read("gate", "p1", "B840CK197", 1_200), 1_200);
            assertThat(alerts(h)).isEmpty();

            h.processBroadcastElement(WatchList.of(List.of(STOLEN, PATTERN)), 1_300);
            h.processElement(read("gate", "p1", "B840CK197", 1_400), 1_400);
            h.processElement(read("gate", "p1", "B840CK197", 1_600), 1_600);
            h.processElement(read("yard", "p2", "0567AM76", 1_600), 1_600);
            h.processElement(read("yard", "p2", "O567AM76", 1_800), 1_800);
            assertThat(alerts(h)).as("each passage once per entry")
                    .containsExactly("gate:B840CK197:*197", "yard:0567AM76:O567AM76");

            h.processBroadcastElement(WatchList.of(List.of(STOLEN)), 2_000);
            h.processElement(read("gate", "p3", "A111AA197", 2_200), 2_200);
            assertThat(alerts(h)).as("the removed pattern matches no more").hasSize(2);
        }
    }

    @Test
    void readsBeforeTheFirstListWaitForIt() throws Exception {
        try (var h = harness()) {
            h.processElement(read("gate", "p1", "O567AM76", 1_000), 1_000);
            assertThat(alerts(h)).isEmpty();
            h.processBroadcastElement(WatchList.of(List.of(STOLEN)), 1_100);
            assertThat(alerts(h)).containsExactly("gate:O567AM76:O567AM76");
            h.processElement(read("gate", "p1", "O567AM76", 1_200), 1_200);
            assertThat(alerts(h)).hasSize(1);
        }
    }

    @Test
    void aRestoreKeepsTheListAndThePassagesAlreadyAlerted() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.processBroadcastElement(WatchList.of(List.of(STOLEN)), 0);
            h.processElement(read("gate", "p1", "O567AM76", 1_000), 1_000);
            assertThat(alerts(h)).hasSize(1);
            snapshot = h.snapshot(1, 1_100);
        }
        var restored = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function(), List.of(RaiseAlerts.WATCH_LIST)),
                (PassageRead r) -> r.cameraId, Types.STRING, 1, 1, 0);
        try (restored) {
            restored.setup();
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(read("gate", "p1", "O567AM76", 1_200), 1_200);
            assertThat(alerts(restored)).as("the passage had its alert before the restore").isEmpty();
            restored.processElement(read("gate", "p2", "O567AM76", 9_000), 9_000);
            assertThat(alerts(restored)).as("the list came back with the state").containsExactly("gate:O567AM76:O567AM76");
        }
    }
}
