package io.lpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
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
 * {@code lpr run} in its own JVM, stopped with SIGTERM as a service manager would: it drains, exits 0 with
 * every open passage stored, and leaves nothing behind (no savepoint, no checkpoints, no Flink temp files,
 * nothing in its temp folder). How long the stop takes is a speed figure, {@code ./lpr bench}'s, not asserted.
 */
class RunCommandSignalTest {
    private static final int CAMERAS = 5;

    @TempDir
    Path dir;

    @Test
    void sigtermStopsFiveCamerasWithTheOpenPassagesStoredAndNothingLeftBehind() throws Exception {
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

            lpr.process().destroy(); // SIGTERM
            int exit = lpr.awaitExit(300);

            assertThat(exit).as(lpr.output()).isZero();
            assertThat(lpr.output()).contains("lpr: stopping: draining the job");
            List<PlateEvent> events = EventStore.query(Database.of(sink, null, null), EventQuery.latest());
            assertThat(events).as("the passage open at the stop, one per camera").hasSize(CAMERAS)
                    .allSatisfy(e -> assertThat(e.plateText).isIn("B840CK197", "B840OK197"));
            assertThat(events.stream().map(e -> e.cameraId)).doesNotHaveDuplicates();

            assertThat(files(work.resolve("tmp"))).as("Flink's temp files").isEmpty();
            assertThat(files(work.resolve("savepoints"))).as("the draining savepoint").isEmpty();
            assertThat(files(work.resolve("checkpoints"))).as("checkpoints of a run that ended cleanly").isEmpty();
            assertThat(files(dir.resolve("java-tmp"))).as("left in java.io.tmpdir").isEmpty();
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
