package io.lpr.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.event.Frame;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusEvent;
import io.lpr.testing.RtspServer;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live cameras against a real RTSP server, one split reader driven on the test's thread. */
class LiveCameraTest {
    @TempDir
    static Path dir;

    private static Path clip;
    private static RtspServer server;

    @BeforeAll
    static void startServer() throws IOException {
        RtspServer.assumeAvailable();
        clip = TestClips.make(dir, "live.mp4", 4, 10, 320, 240);
        server = RtspServer.start(clip, "cam");
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static CameraSpec camera(String id, String url) {
        return CameraSpec.of(id, url).withSize(0, 0).withTimeoutMillis(2000).withReconnect(Reconnect.of(100, 500, 2));
    }

    @Test
    void sampledLiveFramesCarryStreamTimeNearTheWallClock() {
        try (ReaderDriver reader = new ReaderDriver(camera("gate", server.url()).withSampleFps(5))) {
            reader.fetchUntil(() -> reader.frames.size() >= 10, 15_000, "10 frames");
            long now = System.currentTimeMillis();

            List<Frame> frames = reader.frames;
            assertThat(frames).allSatisfy(f -> {
                assertThat(f.width).isEqualTo(320);
                assertThat(f.height).isEqualTo(240);
                assertThat(f.pixels).hasSize(320 * 240 * 3);
            });
            assertThat(frames).extracting(f -> f.sequence).isSorted().doesNotHaveDuplicates();
            assertThat(frames).extracting(f -> f.eventTime).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(t -> assertThat(t).isBetween(now - 5_000, now + 1_000));
            // 5 of 10 fps: every other frame, 200 ms apart on the stream clock (the burst of frames
            // read while probing the stream may lose some to newer ones: gaps of 400 ms, 600 ms).
            for (int i = 1; i < frames.size(); i++) {
                long gap = frames.get(i).eventTime - frames.get(i - 1).eventTime;
                assertThat(gap).isGreaterThanOrEqualTo(150);
                assertThat(Math.abs(gap - 200 * Math.round(gap / 200.0))).as("gap %d ms", gap).isLessThanOrEqualTo(50);
            }
            CameraMetrics metrics = reader.metrics();
            assertThat(metrics.framesDecoded()).isGreaterThanOrEqualTo(2 * metrics.framesAnalysed() - 2);
            assertThat(metrics.state()).isEqualTo(CameraState.CONNECTED);
            assertThat(reader.statuses).extracting(CameraStatusEvent::state)
                    .containsExactly(CameraState.CONNECTING, CameraState.CONNECTED);
        }
    }

    @Test
    void aFrozenServerIsNoticedByTheReadTimeoutAndTheCameraReconnectsOnceItThaws() throws Exception {
        try (RtspServer frozen = RtspServer.start(clip, "cam");
                ReaderDriver reader = new ReaderDriver(camera("yard", frozen.url()).withTimeoutMillis(1000))) {
            reader.fetchUntil(() -> reader.frames.size() >= 3, 15_000, "first frames");
            frozen.freeze(true);
            try {
                reader.fetchUntil(() -> reader.metrics().state() == CameraState.BACKOFF, 10_000, "backoff");
                assertThat(reader.lastStatus().reason()).contains("read timeout");
            } finally {
                frozen.freeze(false);
            }
            int before = reader.frames.size();
            reader.fetchUntil(() -> reader.frames.size() >= before + 3, 20_000, "frames after the thaw");
            assertThat(reader.metrics().reconnects()).isEqualTo(1);
            assertThat(reader.lastStatus().state()).isEqualTo(CameraState.CONNECTED);
            assertThat(reader.frames).extracting(f -> f.sequence).isSorted().doesNotHaveDuplicates();
            assertThat(reader.frames).extracting(f -> f.eventTime).isSorted().doesNotHaveDuplicates();
        }
    }

    /** Downstream takes a frame every 300 ms of a 10 fps camera: the camera drops, never lags. */
    @Test
    void aSlowJobMakesALiveCameraDropOldFramesNotFallBehind() throws InterruptedException {
        try (ReaderDriver reader = new ReaderDriver(camera("slow", server.url()))) {
            reader.fetchUntil(() -> !reader.frames.isEmpty(), 15_000, "the first frame");
            for (int i = 0; i < 8; i++) {
                Thread.sleep(300);
                for (Frame frame : reader.fetch()) {
                    assertThat(System.currentTimeMillis() - frame.eventTime).as("lag").isLessThan(1_000);
                }
            }
            CameraMetrics metrics = reader.metrics();
            assertThat(metrics.framesDropped()).isGreaterThanOrEqualTo(10);
            assertThat(metrics.framesAnalysed() + metrics.framesDropped())
                    .isBetween(metrics.framesDecoded() - 2, metrics.framesDecoded());
            assertThat(metrics.lagMillis()).isLessThan(1_000);
        }
    }

    @Test
    void aSlowJobHoldsBackAFileCameraWhichNeverDrops() throws InterruptedException {
        try (ReaderDriver reader = new ReaderDriver(CameraSpec.of("file", clip.toString()).withSize(0, 0))) {
            for (int i = 0; i < 5; i++) {
                Thread.sleep(100);
                reader.fetch();
            }
            assertThat(reader.frames).extracting(f -> f.sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(reader.metrics().framesDropped()).isZero();
        }
    }

    @Test
    void aStoppedLiveCameraFinishesAndReleasesItsStream() throws InterruptedException {
        try (ReaderDriver reader = new ReaderDriver(camera("stopme", server.url()))) {
            reader.fetchUntil(() -> reader.frames.size() >= 3, 15_000, "frames");
            reader.stop();
            reader.fetchUntil(reader::finished, 5_000, "the stopped camera finishes");
            assertThat(reader.lastStatus().state()).isEqualTo(CameraState.FINISHED);
            assertThat(reader.lastStatus().reason()).isEqualTo("stopped");
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("camera stopme"))) {
            assertThat(System.currentTimeMillis()).as("the camera's thread ends").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
