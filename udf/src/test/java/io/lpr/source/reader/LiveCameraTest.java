package io.lpr.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.event.Frame;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusEvent;
import io.lpr.decode.FrameClock;
import io.lpr.testing.Await;
import io.lpr.testing.RtspServer;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
        return CameraSpec.of(id, url).withSize(0, 0).withTimeout(Duration.ofMillis(2000)).withReconnect(Reconnect.of(100, 500, 2));
    }

    @Test
    void sampledLiveFramesCarryStreamTimeNearTheWallClock() {
        long started = System.currentTimeMillis();
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
            // Stream time, anchored to the wall clock: never further from it than the clock's tolerance.
            assertThat(frames).extracting(f -> f.eventTime).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(t -> assertThat(t).isBetween(started - FrameClock.TOLERANCE_MILLIS,
                            now + FrameClock.TOLERANCE_MILLIS));
            // 5 of 10 fps: at most one frame per 200 ms of stream time (the burst of frames read while
            // probing the stream may lose some to newer ones: longer gaps).
            for (int i = 1; i < frames.size(); i++) {
                assertThat(frames.get(i).eventTime - frames.get(i - 1).eventTime).isGreaterThanOrEqualTo(199);
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
                ReaderDriver reader = new ReaderDriver(camera("yard", frozen.url()).withTimeout(Duration.ofMillis(1000)))) {
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

    /**
     * Downstream takes a frame only after the camera decoded three more: the camera drops the older ones and
     * hands on the newest, never a backlog.
     */
    @Test
    void aSlowJobMakesALiveCameraDropOldFramesNotFallBehind() throws InterruptedException {
        try (ReaderDriver reader = new ReaderDriver(camera("slow", server.url()))) {
            reader.fetchUntil(() -> !reader.frames.isEmpty(), 15_000, "the first frame");
            CameraMetrics metrics = reader.metrics();
            for (int i = 0; i < 5; i++) {
                long decoded = metrics.framesDecoded();
                Await.until(() -> metrics.framesDecoded() >= decoded + 3, Duration.ofSeconds(15),
                        "three more frames decoded", reader::lastStatus);
                long newest = metrics.framesDecoded();
                List<Frame> got = reader.fetch();
                assertThat(got).as("one frame per fetch: the newest, never a backlog").hasSizeLessThanOrEqualTo(1);
                got.forEach(frame -> assertThat(frame.sequence).isGreaterThanOrEqualTo(newest - 2));
            }
            assertThat(metrics.framesDropped()).isGreaterThanOrEqualTo(5 * 2);
            assertThat(metrics.framesAnalysed() + metrics.framesDropped())
                    .isBetween(metrics.framesDecoded() - 2, metrics.framesDecoded());
        }
    }

    @Test
    void aSlowJobHoldsBackAFileCameraWhichNeverDrops() {
        try (ReaderDriver reader = new ReaderDriver(CameraSpec.of("file", clip.toString()).withSize(0, 0))) {
            for (int i = 0; i < 5; i++) {
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
        Await.until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("camera stopme")),
                Duration.ofSeconds(30), "the camera's thread ends");
    }
}
