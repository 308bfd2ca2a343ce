package io.lpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.sink.EventQuery;
import io.lpr.sink.EventStore;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.testing.LprProcess;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lpr run} in its own JVM, stopped with SIGTERM as a service manager would: it drains within seconds,
 * exits 0 with every open passage stored, and leaves nothing behind (no savepoint, no Flink temp files).
 */
class RunCommandSignalTest {
    /**
     * The stop drains what is in flight, two detector passes and a few crops: seconds on 2 idle cores, 20 s and
     * more on the development machine running six builds at once (2 cores, load 18). When 64 frames per
     * subtask waited to be drained it took 60-130 s, which this catches with room to spare.
     */
    private static final long STOP_BOUND_MS = 30_000;
    private static final int CAMERAS = 5;

    @TempDir
    Path dir;

    @Test
    void sigtermStopsFiveCamerasWithinSecondsWithTheOpenPassagesStoredAndNothingLeftBehind() throws Exception {
        Path clip = TestClips.make(dir, "long.mp4", 60, 1, 1920, 1080);
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        Path work = dir.resolve("work");
        List<String> args = new ArrayList<>(List.of("run", "--models", System.getProperty("lpr.test.models"),
                "--sink", sink, "--set", "lpr.work-dir=" + work, "--set", "lpr.camera.realtime=true",
                "--set", "lpr.camera.sample-fps=1", "--set", "execution.checkpointing.interval=1s",
                // 720p cameras: the plate still reads, and each detector pass costs a little more than half.
                "--set", "lpr.camera.frame-width=1280", "--set", "lpr.camera.frame-height=720"));
        for (int i = 1; i <= CAMERAS; i++) {
            args.addAll(List.of("--camera", "gate" + i + "=" + clip));
        }
        try (LprProcess lpr = LprProcess.start(dir, Map.of(), args.toArray(String[]::new))) {
            // A completed checkpoint, and every camera has handed on frames beyond the one the detector holds
            // (its queue takes one): each has a passage open, and the cameras outpace the detector.
            lpr.awaitWhileRunning("checkpoint", () -> hasCheckpoint(work));
            lpr.awaitWhileRunning("frames of every camera", () -> framesAnalysedByEach(sink, CAMERAS) >= 3);

            long signalled = System.currentTimeMillis();
            lpr.process().destroy(); // SIGTERM
            int exit = lpr.awaitExit(120);
            long stopMs = System.currentTimeMillis() - signalled;

            assertThat(exit).as(lpr.output()).isZero();
            assertThat(lpr.output()).contains("lpr: stopping: draining the job");
            assertThat(stopMs).as("SIGTERM to exit, ms: %s", lpr.output()).isLessThan(STOP_BOUND_MS);
            List<PlateEvent> events = EventStore.query(Database.of(sink, null, null), EventQuery.latest());
            assertThat(events).as("the passage open at the stop, one per camera").hasSize(CAMERAS)
                    .allSatisfy(e -> assertThat(e.plateText).isIn("B840CK197", "B840OK197"));
            assertThat(events.stream().map(e -> e.cameraId)).doesNotHaveDuplicates();

            assertThat(files(work.resolve("tmp"))).as("Flink's temp files").isEmpty();
            assertThat(files(work.resolve("savepoints"))).as("the draining savepoint").isEmpty();
            assertThat(files(work.resolve("checkpoints"))).as("checkpoints of a run that ended cleanly").isEmpty();
            assertThat(files(dir.resolve("java-tmp")))
                    .as("nothing of Flink's in java.io.tmpdir")
                    .noneMatch(p -> p.getFileName().toString().matches("flink-.*|minicluster_.*|lpr-savepoint.*"));
        }
    }

    /** The fewest frames any of the cameras has handed on, as the job's camera_status table says. */
    static long framesAnalysedByEach(String sink, int cameras) {
        try {
            List<CameraStatus> statuses = new CameraStatusTable(Database.of(sink, null, null)).list();
            return statuses.size() < cameras ? 0
                    : statuses.stream().mapToLong(CameraStatus::framesAnalysed).min().orElse(0);
        } catch (RuntimeException e) {
            return 0; // not created yet
        }
    }

    static boolean hasCheckpoint(Path work) {
        try (Stream<Path> all = Files.walk(work.resolve("checkpoints"))) {
            return all.anyMatch(p -> p.getFileName().toString().equals("_metadata"));
        } catch (IOException e) {
            return false;
        }
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }
}
