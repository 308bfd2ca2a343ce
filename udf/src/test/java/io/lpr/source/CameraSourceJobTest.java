package io.lpr.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.event.Frame;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The source in real jobs on a two-slot MiniCluster. */
class CameraSourceJobTest {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    /** 2 s at 10 fps. */
    private static Path shortClip;
    /** 3 s at 10 fps. */
    private static Path longClip;

    @BeforeAll
    static void makeClips() throws IOException {
        shortClip = TestClips.make(dir, "short.mp4", 2, 10, 320, 240);
        longClip = TestClips.make(dir, "long.mp4", 3, 10, 320, 240);
    }

    /** What the tests look at of a frame, so pixels need not travel to the test. */
    public static final class Seen {
        public String camera;
        public long sequence;
        public long eventTime;
        public int width;
        public int height;
        public boolean pixelsComplete;

        public Seen() {}

        Seen(Frame frame) {
            camera = frame.cameraId;
            sequence = frame.sequence;
            eventTime = frame.eventTime;
            width = frame.width;
            height = frame.height;
            pixelsComplete = frame.pixels.length == frame.width * frame.height * 3;
        }
    }

    private static DataStream<Frame> frames(StreamExecutionEnvironment env, CameraSpec... cameras) {
        return env.fromSource(
                CameraSource.of(List.of(cameras)), WatermarkStrategy.forMonotonousTimestamps(), "cameras");
    }

    private static List<Seen> run(StreamExecutionEnvironment env, DataStream<Seen> seen, Map<String, JobID> job)
            throws Exception {
        List<Seen> out = new ArrayList<>();
        try (CloseableIterator<Seen> results = seen.collectAsync()) {
            JobClient client = env.executeAsync();
            job.put("id", client.getJobID());
            results.forEachRemaining(out::add);
        }
        return out;
    }

    private static Map<String, List<Long>> sequencesByCamera(List<Seen> seen) {
        return seen.stream().collect(Collectors.groupingBy(
                s -> s.camera, Collectors.mapping(s -> s.sequence, Collectors.toList())));
    }

    @Test
    void twoCamerasOnTwoReadersAndABrokenOneEndByThemselves() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Seen> seen = frames(env,
                CameraSpec.of("a", shortClip.toString()).withSampleFps(5).withSize(0, 0),
                CameraSpec.of("b", longClip.toString()).withSize(160, 120),
                CameraSpec.of("broken", dir.resolve("missing.mp4").toString()))
                .map(Seen::new);
        Map<String, JobID> job = new ConcurrentHashMap<>();
        List<Seen> out = run(env, seen, job);

        Map<String, List<Long>> sequences = sequencesByCamera(out);
        assertThat(sequences.keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(sequences.get("a")).containsExactly(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L);
        assertThat(sequences.get("b")).hasSize(30).isSorted().doesNotHaveDuplicates();
        assertThat(out).allMatch(s -> s.pixelsComplete);
        long start = out.stream().filter(s -> s.camera.equals("a") && s.sequence == 0).findFirst().orElseThrow().eventTime;
        assertThat(out).filteredOn(s -> s.camera.equals("a"))
                .allMatch(s -> s.width == 320 && s.height == 240 && s.eventTime == start + 100 * s.sequence);
        assertThat(out).filteredOn(s -> s.camera.equals("b")).allMatch(s -> s.width == 160 && s.height == 120);

        assertThat(counter(job.get("id"), "a", "framesDecoded")).isEqualTo(20);
        assertThat(counter(job.get("id"), "a", "framesAnalysed")).isEqualTo(10);
        assertThat(counter(job.get("id"), "b", "framesAnalysed")).isEqualTo(30);
        assertThat(counter(job.get("id"), "a", "decodeErrors")).isZero();
    }

    private static long counter(JobID job, String camera, String name) {
        Map<String, Metric> metrics = METRICS.findMetrics(job, "camera." + camera + "." + name);
        assertThat(metrics).as("metric %s of camera %s", name, camera).hasSize(1);
        return ((Counter) metrics.values().iterator().next()).getCount();
    }

    /** Both cameras on one reader: a camera played in real time must not hold back a fast one. */
    @Test
    void aSlowCameraDoesNotHoldBackAnother() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<Seen> seen = frames(env,
                CameraSpec.of("slow", longClip.toString()).withRealtime(true).withSize(0, 0),
                CameraSpec.of("fast", shortClip.toString()).withSize(0, 0))
                .map(Seen::new);
        List<Seen> out = run(env, seen, new ConcurrentHashMap<>());

        List<String> order = out.stream().map(s -> s.camera).toList();
        assertThat(order).filteredOn("fast"::equals).hasSize(20);
        assertThat(order).filteredOn("slow"::equals).hasSize(30);
        // The slow camera emits a frame every 100 ms; the fast one is done long before its 15th.
        assertThat(order.lastIndexOf("fast")).isLessThan(indexOfNth(order, "slow", 15));
    }

    private static int indexOfNth(List<String> order, String camera, int n) {
        int seen = 0;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).equals(camera) && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + n + " frames of " + camera);
    }

    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final Map<String, Long> FIRST_AFTER_RESTART = new ConcurrentHashMap<>();

    /** Fails the job once, mid-way through camera "a"; then notes where each camera resumed. */
    private static final class FailOnce implements MapFunction<Frame, Seen> {
        @Override
        public Seen map(Frame frame) {
            if (FAILED.get()) {
                FIRST_AFTER_RESTART.putIfAbsent(frame.cameraId, frame.sequence);
            } else if (frame.cameraId.equals("a") && frame.sequence == 15) {
                FAILED.set(true);
                throw new IllegalStateException("planned failure");
            }
            return new Seen(frame);
        }
    }

    @Test
    void afterAFailureCamerasResumeFromTheCheckpointWithoutRepeatsOrGaps() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(200);
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restart);
        DataStream<Seen> seen = frames(env,
                CameraSpec.of("a", longClip.toString()).withRealtime(true).withSize(0, 0),
                CameraSpec.of("b", longClip.toString()).withRealtime(true).withSampleFps(5).withSize(0, 0))
                .map(new FailOnce());
        List<Seen> out = run(env, seen, new ConcurrentHashMap<>());

        assertThat(FAILED).isTrue();
        Map<String, List<Long>> sequences = sequencesByCamera(out);
        List<Long> everyFrame = new ArrayList<>();
        List<Long> everyOther = new ArrayList<>();
        for (long i = 0; i < 30; i++) {
            everyFrame.add(i);
            if (i % 2 == 0) {
                everyOther.add(i);
            }
        }
        assertThat(sequences.get("a")).containsExactlyElementsOf(everyFrame);
        assertThat(sequences.get("b")).containsExactlyElementsOf(everyOther);
        // Camera a was restored from a checkpoint taken mid-file, not re-read from its start.
        assertThat(FIRST_AFTER_RESTART.get("a")).isPositive();
    }
}
