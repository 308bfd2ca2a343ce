package io.lpr.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.event.Frame;
import io.lpr.testing.RtspServer;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera's password is in no checkpoint or savepoint: state holds the camera's id, settings and position,
 * its URL with the password masked; the reader takes the password from the configuration when the camera
 * opens, also when the job is restored from that savepoint.
 */
class CredentialsOutOfStateTest {
    private static final String PASSWORD = "S3cret-in-url";
    static final AtomicLong FRAMES = new AtomicLong();

    @TempDir
    Path dir;

    @Test
    void aLiveCamerasPasswordStaysOutOfCheckpointsAndSavepointsAndTheRestoredJobStillConnects() throws Exception {
        RtspServer.requireAvailable();
        Path clip = TestClips.make(dir, "clip.mp4", 4, 10, 160, 120);
        try (RtspServer server = RtspServer.startWithAuth(clip, "gate", "admin", PASSWORD)) {
            CameraSpec gate = CameraSpec.of("gate", server.url("admin", PASSWORD)).withSize(0, 0).withSampleFps(5);
            Path checkpoints = dir.resolve("checkpoints");
            String savepoint = runUntilFramesFlow(gate, checkpoints, null, true);
            runUntilFramesFlow(gate, checkpoints, savepoint, false);

            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> state = files.filter(Files::isRegularFile)
                        .filter(p -> p.startsWith(checkpoints) || p.toString().contains("savepoint-")).toList();
                assertThat(state).as("checkpoint and savepoint files").isNotEmpty();
                assertThat(state).noneMatch(CredentialsOutOfStateTest::holdsPassword);
            }
        }
    }

    /** Runs the camera until frames flow past a completed checkpoint; stops with a savepoint or cancels. */
    private String runUntilFramesFlow(CameraSpec camera, Path checkpoints, String restoreFrom, boolean savepoint)
            throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, java.time.Duration.ofMillis(500));
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restoreFrom != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        env.fromSource(CameraSource.of(List.of(camera)), WatermarkStrategy.noWatermarks(), "cameras").uid("cameras")
                .map(CredentialsOutOfStateTest::count).uid("count")
                .sinkTo(new DiscardingSink<>());
        FRAMES.set(0);
        JobClient client = env.executeAsync();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (FRAMES.get() < 10 || !hasCheckpoint(checkpoints)) {
                assertThat(System.currentTimeMillis()).as("frames from the camera (%d so far)", FRAMES.get())
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
            return savepoint
                    ? client.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                            SavepointFormatType.CANONICAL).get(60, TimeUnit.SECONDS)
                    : null;
        } finally {
            if (!savepoint) {
                client.cancel().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static Frame count(Frame frame) {
        FRAMES.incrementAndGet();
        return frame;
    }

    private static boolean hasCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("_metadata"));
        }
    }

    private static boolean holdsPassword(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(PASSWORD);
        } catch (IOException e) {
            return false;
        }
    }
}
