package io.lpr.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.event.Frame;
import io.lpr.source.enumerator.CameraEnumeratorState;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusEvent;
import io.lpr.decode.FrameClock;
import io.lpr.testing.Await;
import io.lpr.testing.RtspServer;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two live RTSP cameras in one job on a MiniCluster; one camera's server dies and comes back. */
class LiveCameraJobTest {
    private static final String PASSWORD = "Job-pa55-3";
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();
    private static final Map<String, AtomicLong> FRAMES = new ConcurrentHashMap<>();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    @TempDir
    static Path dir;

    private static final List<CameraStatusEvent> STATUSES = new CopyOnWriteArrayList<>();

    /** The camera source, with an enumerator that also notes the states the readers send it. */
    private static final class StatusRecordingSource
            implements Source<Frame, CameraSplit, CameraEnumeratorState>, ResultTypeQueryable<Frame> {
        private final CameraSource source;

        StatusRecordingSource(CameraSource source) {
            this.source = source;
        }

        @Override
        public Boundedness getBoundedness() {
            return source.getBoundedness();
        }

        @Override
        public SourceReader<Frame, CameraSplit> createReader(SourceReaderContext context) {
            return source.createReader(context);
        }

        @Override
        public SplitEnumerator<CameraSplit, CameraEnumeratorState> createEnumerator(
                SplitEnumeratorContext<CameraSplit> context) throws Exception {
            return new Recording(source.createEnumerator(context));
        }

        @Override
        public SplitEnumerator<CameraSplit, CameraEnumeratorState> restoreEnumerator(
                SplitEnumeratorContext<CameraSplit> context, CameraEnumeratorState checkpoint) throws Exception {
            return new Recording(source.restoreEnumerator(context, checkpoint));
        }

        @Override
        public SimpleVersionedSerializer<CameraSplit> getSplitSerializer() {
            return source.getSplitSerializer();
        }

        @Override
        public SimpleVersionedSerializer<CameraEnumeratorState> getEnumeratorCheckpointSerializer() {
            return source.getEnumeratorCheckpointSerializer();
        }

        @Override
        public TypeInformation<Frame> getProducedType() {
            return source.getProducedType();
        }
    }

    private static final class Recording implements SplitEnumerator<CameraSplit, CameraEnumeratorState> {
        private final SplitEnumerator<CameraSplit, CameraEnumeratorState> enumerator;

        Recording(SplitEnumerator<CameraSplit, CameraEnumeratorState> enumerator) {
            this.enumerator = enumerator;
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent event) {
            if (event instanceof CameraStatusEvent) {
                STATUSES.add((CameraStatusEvent) event);
            }
            enumerator.handleSourceEvent(subtaskId, event);
        }

        @Override
        public void start() {
            enumerator.start();
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            enumerator.handleSplitRequest(subtaskId, requesterHostname);
        }

        @Override
        public void addSplitsBack(List<CameraSplit> splits, int subtaskId) {
            enumerator.addSplitsBack(splits, subtaskId);
        }

        @Override
        public void addReader(int subtaskId) {
            enumerator.addReader(subtaskId);
        }

        @Override
        public CameraEnumeratorState snapshotState(long checkpointId) throws Exception {
            return enumerator.snapshotState(checkpointId);
        }

        @Override
        public void close() throws IOException {
            enumerator.close();
        }
    }

    /** The camera's states in the order reported, repeats (a new reason for the same state) left out. */
    private static List<CameraState> states(String camera) {
        List<CameraState> states = new ArrayList<>();
        STATUSES.stream().filter(s -> s.cameraId().equals(camera)).map(CameraStatusEvent::state).forEach(state -> {
            if (states.isEmpty() || states.get(states.size() - 1) != state) {
                states.add(state);
            }
        });
        return states;
    }

    private static final class CountFrames implements MapFunction<Frame, Long> {
        @Override
        public Long map(Frame frame) {
            return FRAMES.computeIfAbsent(frame.cameraId, id -> new AtomicLong()).incrementAndGet();
        }
    }

    private static long frames(String camera) {
        AtomicLong count = FRAMES.get(camera);
        return count == null ? 0 : count.get();
    }

    private static void await(BooleanSupplier done, long timeoutMs, String what) throws InterruptedException {
        Await.until(done, Duration.ofMillis(timeoutMs), what, () -> "frames " + FRAMES);
    }

    private static Metric metric(JobID job, String camera, String name) {
        Map<String, Metric> found = METRICS.findMetrics(job, "camera." + camera + "." + name);
        assertThat(found).as("metric %s of camera %s", name, camera).hasSize(1);
        return found.values().iterator().next();
    }

    private static long count(JobID job, String camera, String name) {
        return ((Counter) metric(job, camera, name)).getCount();
    }

    private static int state(JobID job, String camera) {
        return ((Number) ((Gauge<?>) metric(job, camera, "state")).getValue()).intValue();
    }

    @Test
    void aCameraWhoseServerDiesReconnectsWhileTheOtherKeepsFlowing() throws Exception {
        Path clip = TestClips.make(dir, "clip.mp4", 4, 10, 320, 240);
        try (RtspServer gate = RtspServer.startWithAuth(clip, "gate", "admin", PASSWORD);
                RtspServer yard = RtspServer.start(clip, "yard")) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            CameraSpec gateCamera = CameraSpec.of("gate", gate.url("admin", PASSWORD)).withSize(0, 0)
                    .withSampleFps(5).withTimeout(Duration.ofMillis(2000)).withReconnect(Reconnect.of(200, 1000, 2));
            CameraSpec yardCamera = CameraSpec.of("yard", yard.url()).withSize(160, 120)
                    .withTransport(CameraSpec.Transport.UDP);
            env.fromSource(new StatusRecordingSource(CameraSource.of(List.of(gateCamera, yardCamera))),
                            WatermarkStrategy.noWatermarks(), "cameras")
                    .map(new CountFrames())
                    .sinkTo(new DiscardingSink<>());
            JobClient client = env.executeAsync();
            JobID job = client.getJobID();
            try {
                await(() -> frames("gate") >= 5 && frames("yard") >= 10, 30_000, "both cameras flow");

                gate.stop();
                await(() -> state(job, "gate") == CameraState.BACKOFF.code(), 10_000, "gate in backoff");
                long gateDown = frames("gate");
                long yardDown = frames("yard");
                await(() -> frames("yard") >= yardDown + 20, 10_000, "yard flows while gate is down");
                assertThat(frames("gate")).isLessThanOrEqualTo(gateDown + 1);

                gate.start();
                await(() -> frames("gate") > gateDown + 1, 30_000, "gate flows again");
                await(() -> frames("gate") >= gateDown + 5, 30_000, "gate keeps flowing");

                // One reconnect, or more when a retry raced the server's restart on a busy machine.
                assertThat(count(job, "gate", "reconnects")).isPositive();
                assertThat(count(job, "yard", "reconnects")).isZero();
                assertThat(state(job, "gate")).isEqualTo(CameraState.CONNECTED.code());
                assertThat(count(job, "yard", "framesAnalysed")).isGreaterThanOrEqualTo(frames("yard"));
                assertThat(count(job, "gate", "framesDecoded")).isGreaterThan(count(job, "gate", "framesAnalysed"));
                // Live event time follows the stream's clock only while it stays this close to the arrival time.
                assertThat((Long) ((Gauge<?>) metric(job, "yard", "lagMillis")).getValue())
                        .isBetween(-FrameClock.TOLERANCE_MILLIS, FrameClock.TOLERANCE_MILLIS);
                // The enumerator heard of every change: the reconnect, and no change of the other camera.
                await(() -> states("gate").size() >= 4
                        && states("gate").get(states("gate").size() - 1) == CameraState.CONNECTED,
                        5_000, "gate's states reach the enumerator");
                assertThat(states("gate")).startsWith(CameraState.CONNECTING, CameraState.CONNECTED,
                        CameraState.BACKOFF).endsWith(CameraState.CONNECTED).doesNotContain(CameraState.FAILED);
                assertThat(states("yard")).containsExactly(CameraState.CONNECTING, CameraState.CONNECTED);
                CameraStatusEvent backoff = STATUSES.stream()
                        .filter(st -> st.state() == CameraState.BACKOFF).findFirst().orElseThrow();
                assertThat(backoff.reason()).isEqualTo(
                        "rtsp://admin:***@127.0.0.1:" + gate.port() + "/gate: the stream ended (the server closed it)");
                assertThat(STATUSES.get(STATUSES.size() - 1).reconnects()).isPositive();
            } finally {
                client.cancel().get();
            }
            assertThat(STATUSES).noneMatch(status -> status.toString().contains(PASSWORD));
            // Metric names and labels carry the camera id, never its URL.
            assertThat(METRICS.getMetricsByIdentifiers(job).keySet()).noneMatch(name -> name.contains(PASSWORD));
            for (MetricGroup group : METRICS.findGroups("camera")) {
                assertThat(group.getAllVariables().values()).noneMatch(label -> label.contains(PASSWORD));
            }
        }
    }
}
