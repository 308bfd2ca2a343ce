package io.lpr.cli;

import static io.lpr.cli.RunCommandSignalTest.files;
import static io.lpr.cli.RunCommandSignalTest.framesAnalysedByEach;
import static io.lpr.cli.RunCommandSignalTest.hasCheckpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.testing.LprProcess;
import io.lpr.testing.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lpr run} in its own JVM, with a temp folder of its own, ended the ways that run no clean-up: {@code kill
 * -9}, a second SIGTERM while the first one drains, and a stop that fails (both halt at once). Each time nothing
 * is left in {@code java.io.tmpdir}: the native libraries of SQLite and ONNX Runtime come from the per-user cache, and
 * Flink's temporary files live in the work folder.
 */
class RunCommandAbnormalEndTest {
    private static final int CAMERAS = 2;

    @TempDir
    static Path clips;
    private static Path clip;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = TestClips.make(clips, "long.mp4", 40, 5, 1920, 1080);
    }

    @Test
    void killMinus9LeavesNothingInTheTempFolder() throws Exception {
        try (LprProcess lpr = startLive()) {
            lpr.process().destroyForcibly(); // SIGKILL
            assertThat(lpr.awaitExit(60)).isEqualTo(137);

            assertThat(files(dir.resolve("java-tmp"))).as("left in java.io.tmpdir: %s", lpr.output()).isEmpty();
        }
    }

    @Test
    void aSecondSigtermLeavesNothingInTheTempFolder() throws Exception {
        try (LprProcess lpr = startLive()) {
            lpr.process().destroy(); // SIGTERM: the drain starts
            lpr.awaitWhileRunning("the drain", () -> lpr.output().contains("lpr: stopping: draining the job"));
            lpr.process().destroy(); // a second one gives up at once
            int exit = lpr.awaitExit(60);

            assertThat(lpr.output()).contains("lpr: stopping at once");
            assertThat(exit).as(lpr.output()).isEqualTo(130);
            assertThat(files(dir.resolve("java-tmp"))).as("left in java.io.tmpdir: %s", lpr.output()).isEmpty();
        }
    }

    @Test
    void aFailedStopLeavesNothingInTheTempFolder() throws Exception {
        try (LprProcess lpr = startLive()) {
            // The draining savepoint cannot be written (a file took its folder's place): the stop fails.
            Path savepoints = dir.resolve("work").resolve("savepoints");
            Files.delete(savepoints);
            Files.writeString(savepoints, "");
            lpr.process().destroy(); // SIGTERM
            int exit = lpr.awaitExit(120);

            assertThat(lpr.output()).contains("lpr: clean stop failed");
            assertThat(exit).as(lpr.output()).isEqualTo(1);
            assertThat(files(dir.resolve("java-tmp"))).as("left in java.io.tmpdir: %s", lpr.output()).isEmpty();
        }
    }

    /**
     * Live cameras (real-time playback of a clip longer than the test) with a completed checkpoint and frames in
     * flight: by then the detector's ONNX Runtime is loaded and the SQLite sink and status table are open. Full
     * tiling on 5 frames/s of two 1080p cameras keeps the detector busy, so a drain has frames to finish and the
     * second SIGTERM comes while the first one is still draining.
     */
    private LprProcess startLive() throws Exception {
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        Path work = dir.resolve("work");
        List<String> args = new ArrayList<>(List.of("run", "--models", System.getProperty("lpr.test.models"),
                "--sink", sink, "--set", "lpr.work-dir=" + work, "--set", "lpr.camera.realtime=true",
                "--set", "lpr.camera.sample-fps=5", "--set", "lpr.detector.guided=false",
                "--set", "execution.checkpointing.interval=1s"));
        for (int i = 1; i <= CAMERAS; i++) {
            args.addAll(List.of("--camera", "gate" + i + "=" + clip));
        }
        LprProcess lpr = LprProcess.start(dir, Map.of(), args.toArray(String[]::new));
        try {
            lpr.awaitWhileRunning("checkpoint", () -> hasCheckpoint(work));
            lpr.awaitWhileRunning("frames of every camera", () -> framesAnalysedByEach(sink, CAMERAS) >= 2);
            return lpr;
        } catch (AssertionError | RuntimeException e) {
            lpr.close();
            throw e;
        }
    }
}
