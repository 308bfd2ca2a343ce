package io.lpr.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.db.Database;
import io.lpr.registry.CameraRegistry;
import io.lpr.registry.YamlCameraRegistry;
import io.lpr.source.split.CameraSplit;
import io.lpr.source.split.StopCameraEvent;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusEvent;
import io.lpr.status.CameraStatusTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The enumerator against Flink's own test context for enumerators, with real registries. */
@Timeout(60)
class CameraEnumeratorTest {
    @TempDir
    Path dir;

    private final MockSplitEnumeratorContext<CameraSplit> context = new MockSplitEnumeratorContext<>(2);

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private YamlCameraRegistry registry(String... cameras) throws IOException {
        return YamlCameraRegistry.open(write(cameras));
    }

    private Path write(String... cameras) throws IOException {
        return Files.writeString(dir.resolve("cameras.yaml"), "cameras:\n"
                + String.join("", List.of(cameras).stream().map(c -> "  - " + c + "\n").toList()));
    }

    private CameraEnumerator enumerator(CameraRegistry registry, boolean bounded, CameraEnumeratorState state) {
        CameraEnumerator enumerator = new CameraEnumerator(context, registry, 1_000, bounded, null, state);
        enumerator.start();
        return enumerator;
    }

    private void register(CameraEnumerator enumerator, int subtask, CameraSplit... reported) {
        context.registerReader(ReaderInfo.createReaderInfo(subtask, "localhost", List.of(reported)));
        enumerator.addReader(subtask);
    }

    private void poll() throws Throwable {
        context.runPeriodicCallable(0);
    }

    /** Every split assigned so far, by reader. */
    private Map<Integer, List<CameraSplit>> assigned() {
        Map<Integer, List<CameraSplit>> byReader = new TreeMap<>();
        for (SplitsAssignment<CameraSplit> assignment : context.getSplitsAssignmentSequence()) {
            assignment.assignment().forEach((reader, splits) ->
                    byReader.computeIfAbsent(reader, k -> new ArrayList<>()).addAll(splits));
        }
        return byReader;
    }

    private Map<Integer, List<String>> assignedIds() {
        Map<Integer, List<String>> ids = new TreeMap<>();
        assigned().forEach((reader, splits) -> ids.put(reader, splits.stream().map(CameraSplit::splitId).toList()));
        return ids;
    }

    private Map<Integer, List<SourceEvent>> sent() throws Exception {
        return context.getSentSourceEvent();
    }

    private static CameraStatusEvent finished(String camera) {
        return new CameraStatusEvent(camera, CameraState.FINISHED, "stopped", 0, 0, 0);
    }

    @Test
    void aFixedListOfFilesIsSpreadOverTheReadersWhichAreToldNoMoreComes() {
        CameraEnumerator enumerator = enumerator(CameraRegistry.fixed(List.of(
                CameraSpec.of("a", "/a.mp4"), CameraSpec.of("b", "/b.mp4"), CameraSpec.of("c", "/c.mp4"))),
                true, CameraEnumeratorState.empty());
        register(enumerator, 0);
        register(enumerator, 1);

        assertThat(assignedIds()).isEqualTo(Map.of(0, List.of("a", "c"), 1, List.of("b")));
        assertThat(context.hasNoMoreSplits(0)).isTrue();
        assertThat(context.hasNoMoreSplits(1)).isTrue();
        assertThat(context.getPeriodicCallables()).isEmpty();
    }

    @Test
    void camerasFollowTheRegistryAsItChanges() throws Throwable {
        CameraEnumerator enumerator = enumerator(
                registry("{id: a, url: /a.mp4}", "{id: b, url: /b.mp4}"), false, CameraEnumeratorState.empty());
        register(enumerator, 0);
        register(enumerator, 1);
        poll();
        assertThat(assignedIds()).isEqualTo(Map.of(0, List.of("a"), 1, List.of("b")));

        // a disabled, b changed, c added.
        write("{id: a, url: /a.mp4, enabled: false}", "{id: b, url: /b.mp4, fps: 2}", "{id: c, url: /c.mp4}");
        poll();
        assertThat(sent()).isEqualTo(Map.of(0, List.of(new StopCameraEvent("a")), 1, List.of(new StopCameraEvent("b"))));
        // Until b's reader lets it go, b is not handed out again.
        assertThat(assignedIds()).isEqualTo(Map.of(0, List.of("a", "c"), 1, List.of("b")));

        enumerator.handleSourceEvent(1, finished("b"));
        List<CameraSplit> toReader1 = assigned().get(1);
        assertThat(toReader1).hasSize(2);
        assertThat(toReader1.get(1).camera().sampleFps()).isEqualTo(2);
        assertThat(toReader1.get(1).lastEmittedSequence()).isEqualTo(CameraSplit.NONE_EMITTED);

        enumerator.handleSourceEvent(0, finished("a"));
        assertThat(assignedIds()).isEqualTo(Map.of(0, List.of("a", "c"), 1, List.of("b", "b")));
        assertThat(enumerator.snapshotState(1).assignedCameras()).containsExactlyInAnyOrder("b", "c");
        assertThat(enumerator.snapshotState(1).assignedSpec("b")).hasValueSatisfying(
                spec -> assertThat(spec.sampleFps()).isEqualTo(2));
        assertThat(context.hasNoMoreSplits(0)).isFalse();

        // Enabled again: a starts afresh.
        write("{id: a, url: /a.mp4}", "{id: b, url: /b.mp4, fps: 2}", "{id: c, url: /c.mp4}");
        poll();
        assertThat(assignedIds().values().stream().flatMap(List::stream).filter("a"::equals)).hasSize(2);
        assertThat(enumerator.statuses().get("a")).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo("finished"));
    }

    @Test
    void anUnreadableRegistryKeepsTheCamerasOfItsLastGoodRead() throws Throwable {
        CameraEnumerator enumerator = enumerator(registry("{id: a, url: /a.mp4}"), false, CameraEnumeratorState.empty());
        register(enumerator, 0);
        register(enumerator, 1);
        poll();
        Files.writeString(dir.resolve("cameras.yaml"), "cameras:\n  - {id: a, url: /a.mp4, fsp: 5}\n");
        poll();
        Files.delete(dir.resolve("cameras.yaml"));
        poll();
        assertThat(sent()).isEmpty();

        write("{id: a, url: /a.mp4}", "{id: b, url: /b.mp4}");
        poll();
        assertThat(sent()).isEmpty();
        assertThat(assignedIds()).isEqualTo(Map.of(0, List.of("a"), 1, List.of("b")));
    }

    /** Cameras removed or changed while the job was down do not resume; none is read twice. */
    @Test
    void aRestoredEnumeratorResumesOnlyWhatTheRegistryStillHas() throws Throwable {
        CameraSpec a = CameraSpec.of("a", "/a.mp4");
        CameraSpec b = CameraSpec.of("b", "/b.mp4");
        CameraSpec gone = CameraSpec.of("gone", "/gone.mp4");
        CameraSpec ended = CameraSpec.of("ended", "/ended.mp4");
        CameraEnumeratorState checkpoint = new CameraEnumeratorState(Set.of("a", "b", "gone", "ended"),
                Map.of("a", a, "b", b, "gone", gone, "ended", ended), List.of());
        CameraEnumerator enumerator = enumerator(registry("{id: a, url: /a.mp4}", "{id: b, url: /b.mp4, fps: 1}",
                "{id: ended, url: /ended.mp4}", "{id: c, url: /c.mp4}"), false, checkpoint);

        // Readers back before the registry was read wait for it.
        register(enumerator, 0, new CameraSplit(a, 5, 10L), new CameraSplit(gone, 3, 10L));
        register(enumerator, 1, new CameraSplit(b, 7, 10L));
        assertThat(assigned()).isEmpty();
        poll();

        Map<String, CameraSplit> byCamera = new TreeMap<>();
        assigned().values().forEach(splits -> splits.forEach(split ->
                assertThat(byCamera.put(split.splitId(), split)).as("assigned twice: %s", split).isNull()));
        assertThat(byCamera).containsOnlyKeys("a", "b", "c");
        // The run's start time is the split's: a resumed camera keeps it, a changed or new one starts now.
        assertThat(byCamera.get("a")).isEqualTo(new CameraSplit(a, 5, 10L));
        assertThat(byCamera.get("b").camera().sampleFps()).isEqualTo(1);
        assertThat(byCamera.get("b").lastEmittedSequence()).isEqualTo(CameraSplit.NONE_EMITTED);
        assertThat(byCamera.get("b").baseEpochMillis()).isGreaterThan(10L);
        assertThat(byCamera.get("c").lastEmittedSequence()).isEqualTo(CameraSplit.NONE_EMITTED);
        assertThat(byCamera.get("c").baseEpochMillis()).isNotNull();
        assertThat(sent()).isEmpty();
        assertThat(enumerator.snapshotState(2).assignedCameras()).containsExactlyInAnyOrder("a", "b", "c", "ended");
    }

    @Test
    void aReaderThatComesBackResumesItsCamerasOnceAndNowhereElse() throws Throwable {
        CameraEnumerator enumerator = enumerator(
                registry("{id: a, url: /a.mp4}", "{id: b, url: /b.mp4}"), false, CameraEnumeratorState.empty());
        register(enumerator, 0);
        register(enumerator, 1);
        poll();
        CameraSplit a = assigned().get(0).get(0);

        // Reader 0 fails and comes back with a from its checkpoint.
        context.unregisterReader(0);
        enumerator.addSplitsBack(List.of(), 0);
        register(enumerator, 0, a.withLastEmittedSequence(4));
        // A stale copy of a, reported by reader 1, is not resumed a second time.
        context.unregisterReader(1);
        register(enumerator, 1, a.withLastEmittedSequence(2));

        assertThat(assignedIds()).isEqualTo(Map.of(0, List.of("a", "a"), 1, List.of("b")));
        assertThat(assigned().get(0).get(1).lastEmittedSequence()).isEqualTo(4);
    }

    @Test
    void aCameraStoppedWhileItsReaderWasAwayIsNotResumedByIt() throws Throwable {
        CameraEnumerator enumerator = enumerator(registry("{id: a, url: /a.mp4}"), false, CameraEnumeratorState.empty());
        register(enumerator, 0);
        poll();
        CameraSplit a = assigned().get(0).get(0);

        context.unregisterReader(0);
        write("{id: a, url: /a.mp4, fps: 3}");
        poll();
        register(enumerator, 0, a.withLastEmittedSequence(9));

        assertThat(sent()).isEmpty();
        List<CameraSplit> toReader0 = assigned().get(0);
        assertThat(toReader0).hasSize(2);
        assertThat(toReader0.get(1).camera().sampleFps()).isEqualTo(3);
        assertThat(toReader0.get(1).lastEmittedSequence()).isEqualTo(CameraSplit.NONE_EMITTED);
    }

    @Test
    void cameraStatesGoToTheStatusTable() throws Throwable {
        Database database = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        CameraStatusTable table = new CameraStatusTable(database);
        CameraEnumerator enumerator = new CameraEnumerator(context,
                CameraRegistry.fixed(List.of(CameraSpec.of("a", "rtsp://cam/s"))), 1_000, false, table,
                CameraEnumeratorState.empty());
        enumerator.start();
        register(enumerator, 0);

        enumerator.handleSourceEvent(0, new CameraStatusEvent("a", CameraState.CONNECTED, null, 5_000, 0, 0));
        enumerator.handleSourceEvent(0, new CameraStatusEvent("a", CameraState.BACKOFF, "timed out", 6_000, 12, 1));
        context.runNextOneTimeCallable();
        context.runNextOneTimeCallable();

        assertThat(table.list()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo("backoff");
            assertThat(status.reason()).isEqualTo("timed out");
            assertThat(status.sinceMillis()).isEqualTo(6_000);
            assertThat(status.framesAnalysed()).isEqualTo(12);
            assertThat(status.reconnects()).isEqualTo(1);
        });
        assertThat(context.getOneTimeCallables()).isEmpty();
    }

    /** Every running camera's row is written again by the heartbeat, so a row that stops moving means a stopped job. */
    @Test
    void aHeartbeatWritesTheRunningCamerasRowsAgain() throws Throwable {
        Database database = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        CameraStatusTable table = new CameraStatusTable(database);
        CameraEnumerator enumerator = new CameraEnumerator(context,
                CameraRegistry.fixed(List.of(CameraSpec.of("a", "rtsp://cam/s"))), 1_000, false, table,
                CameraEnumeratorState.empty());
        enumerator.start();
        register(enumerator, 0);
        enumerator.handleSourceEvent(0, new CameraStatusEvent("a", CameraState.CONNECTED, null, 5_000, 3, 0));
        context.runNextOneTimeCallable();
        // As a job that stopped long ago would have left it.
        table.upsert(List.of(new CameraStatus("a", "connected", null, 5_000, 3, 0, 1)));
        assertThat(table.list().get(0).stale(System.currentTimeMillis())).isTrue();

        assertThat(context.getPeriodicCallables()).as("the heartbeat alone: a fixed registry is not polled").hasSize(1);
        context.runPeriodicCallable(0);
        context.runNextOneTimeCallable();

        assertThat(table.list()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo("connected");
            assertThat(status.framesAnalysed()).isEqualTo(3);
            assertThat(status.updatedMillis()).isGreaterThan(1);
        });
    }
}
