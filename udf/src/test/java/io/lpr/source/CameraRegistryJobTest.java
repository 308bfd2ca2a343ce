package io.lpr.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.Frame;
import io.lpr.registry.RegistryException;
import io.lpr.registry.YamlCameraRegistry;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.testing.Await;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Jobs whose cameras come from a YAML registry that changes under them, on a two-slot MiniCluster. */
@Timeout(180)
class CameraRegistryJobTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The sequence numbers each camera emitted, in order; the jobs run in this JVM. */
    private static final Map<String, List<Long>> SEEN = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    /** 20 s at 5 fps, played in real time: long enough to change the registry while it runs. */
    private static Path clip;

    @BeforeAll
    static void makeClip() throws IOException {
        clip = TestClips.make(dir, "clip.mp4", 20, 5, 160, 120);
    }

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    private static final class Record implements MapFunction<Frame, String> {
        @Override
        public String map(Frame frame) {
            SEEN.computeIfAbsent(frame.cameraId, k -> Collections.synchronizedList(new ArrayList<>())).add(frame.sequence);
            return frame.cameraId;
        }
    }

    private static String camera(String id) {
        return "{id: " + id + ", url: '" + clip + "', realtime: true, width: 0, height: 0}";
    }

    private static Path write(Path file, String... cameras) throws IOException {
        StringBuilder yaml = new StringBuilder("cameras:\n");
        for (String camera : cameras) {
            yaml.append("  - ").append(camera).append('\n');
        }
        // Replace, not rewrite in place: the enumerator must never read a half-written file.
        Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), yaml);
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JobClient start(CameraSource source, Configuration configuration) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "cameras").uid("cameras")
                .map(new Record()).uid("record")
                .sinkTo(new DiscardingSink<>());
        return env.executeAsync();
    }

    private static List<Long> seen(String camera) {
        List<Long> sequences = SEEN.get(camera);
        if (sequences == null) {
            return List.of();
        }
        synchronized (sequences) {
            return List.copyOf(sequences);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(condition, WAIT, what, () -> "frames seen: " + SEEN.keySet() + " "
                + SEEN.values().stream().map(List::size).toList());
    }

    private static String state(CameraStatusTable table, String camera) {
        try {
            return table.list().stream().filter(s -> s.cameraId().equals(camera)).map(CameraStatus::state)
                    .findFirst().orElse("");
        } catch (RegistryException notThereYet) {
            return "";
        }
    }

    @Test
    void aCameraAddedToTheRegistryStartsAndADisabledOneStopsWhileTheJobRuns() throws Exception {
        Path file = write(dir.resolve("live.yaml"), camera("a"));
        Database database = Database.of("jdbc:sqlite:" + dir.resolve("status.db"), null, null);
        CameraStatusTable statuses = new CameraStatusTable(database);
        CameraSource source = CameraSource.of(YamlCameraRegistry.open(file))
                .withPollInterval(Duration.ofMillis(200))
                .withStatusTable(database);
        JobClient job = start(source, new Configuration());
        try {
            await("camera a's first frames", () -> seen("a").size() >= 3);

            write(file, camera("a"), camera("b"));
            await("camera b, added to the registry, to deliver frames", () -> seen("b").size() >= 3);

            write(file, camera("a").replace("}", ", enabled: false}"), camera("b"));
            await("camera a, disabled, to be reported finished", () -> state(statuses, "a").equals("finished"));
            int aStopped = seen("a").size();
            int bBefore = seen("b").size();
            await("camera b to go on after a stopped", () -> seen("b").size() >= bBefore + 5);

            assertThat(seen("a")).hasSize(aStopped);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(state(statuses, "b")).isEqualTo("connected");
            assertThat(seen("a")).doesNotHaveDuplicates();
            assertThat(seen("b")).doesNotHaveDuplicates();
        } finally {
            job.cancel().get();
        }
    }

    /**
     * While the job is stopped, camera b is removed from the registry and c added: the restored job
     * resumes a where it stopped, never runs b again, and starts c.
     */
    @Test
    void aRestoredJobResumesItsCamerasAndFollowsTheRegistryChangedWhileItWasDown() throws Exception {
        Path file = write(dir.resolve("restore.yaml"), camera("a"), camera("b"));
        CameraSource source = CameraSource.of(YamlCameraRegistry.open(file)).withPollInterval(Duration.ofMillis(200));
        JobClient first = start(source, new Configuration());
        await("cameras a and b to deliver frames", () -> seen("a").size() >= 5 && seen("b").size() >= 5);
        String savepoint = first.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<Long> aBefore = seen("a");
        SEEN.clear();

        write(file, camera("a"), camera("c"));
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        JobClient second = start(source, restore);
        try {
            await("camera a to go on and c to start", () -> seen("a").size() >= 5 && seen("c").size() >= 3);
            assertThat(SEEN).doesNotContainKey("b");
            List<Long> a = new ArrayList<>(aBefore);
            a.addAll(seen("a"));
            // Every frame of a exactly once across the two runs.
            assertThat(a).containsExactlyElementsOf(LongStream.range(0, a.size()).boxed().toList());
            assertThat(seen("a").get(0)).isPositive();
            assertThat(seen("c").get(0)).isZero();
        } finally {
            second.cancel().get();
        }
    }
}
