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
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The alert operator of a run whose cameras end, its list read once, in Flink's keyed harness. */
class RaiseAlertsOnListTest {
    private static final WatchList LIST = WatchList.of(List.of(
            WatchEntry.of("O567AM76", true, "stolen", WatchLevel.ALERT, null),
            WatchEntry.of("*197", false, null, WatchLevel.INFO, null)));

    private static RaiseAlertsOnList function() {
        return new RaiseAlertsOnList(LIST, new AlertMatcher(0.8f, Map.of()), Duration.ofSeconds(3));
    }

    private static PassageRead read(String camera, String eventId, String text, long time) {
        return new PassageRead(eventId, camera, text, 0.9f, time, 1);
    }

    private static List<String> alerts(KeyedOneInputStreamOperatorTestHarness<String, PassageRead, Alert> h) {
        return h.extractOutputValues().stream().map(a -> a.cameraId + ":" + a.plateText + ":" + a.entry).toList();
    }

    @Test
    void eachPassageRaisesEachMatchingEntryOnceAndARestoreRemembersIt() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(function(), (PassageRead r) -> r.cameraId,
                Types.STRING)) {
            h.processElement(read("gate", "p1", "B840CK197", 1_000), 1_000);
            h.processElement(read("gate", "p1", "B840CK197", 1_200), 1_200);
            h.processElement(read("yard", "p2", "0567AM76", 1_300), 1_300);
            h.processElement(read("yard", "p3", "A111AA77", 1_400), 1_400);
            assertThat(alerts(h)).containsExactly("gate:B840CK197:*197", "yard:0567AM76:O567AM76");
            snapshot = h.snapshot(1, 1_500);
        }
        try (var restored = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function()),
                (PassageRead r) -> r.cameraId, Types.STRING)) {
            restored.setup();
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(read("yard", "p2", "O567AM76", 1_600), 1_600);
            assertThat(alerts(restored)).as("the passage had its alert before the restore").isEmpty();
            restored.processElement(read("yard", "p4", "O567AM76", 9_000), 9_000);
            assertThat(alerts(restored)).containsExactly("yard:O567AM76:O567AM76");
        }
    }
}
