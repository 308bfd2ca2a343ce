package io.lpr.source.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.decode.VideoDecoder;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusEvent;
import io.lpr.testing.LogCapture;
import io.lpr.testing.RtspServer;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cameras that cannot work are reported with a reason and retried or finished, never failing anything else. */
class BadCameraTest {
    private static final String PASSWORD = "Pa55-gate-7";
    private static final String WRONG_PASSWORD = "Wr0ng-pass-9";

    @TempDir
    static Path dir;

    private static Path clip;
    private static RtspServer server;

    /** Started by the first test that needs it, so the file and HTTP cases never depend on GStreamer. */
    private static synchronized RtspServer server() throws IOException {
        if (server == null) {
            server = RtspServer.startWithAuth(clip, "cam", "admin", PASSWORD);
        }
        return server;
    }
    private static HttpServer http;

    @BeforeAll
    static void start() throws IOException {
        clip = TestClips.make(dir, "clip.mp4", 2, 10, 320, 240);
        byte[] garbage = new byte[64 * 1024];
        new Random(3).nextBytes(garbage);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/garbage.mp4", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, garbage.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(garbage);
            }
        });
        http.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (http != null) {
            http.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    private static CameraSpec camera(String url) {
        return CameraSpec.of("bad", url).withTimeout(Duration.ofMillis(2000)).withReconnect(Reconnect.of(100, 400, 2));
    }

    /** Reads the camera until it reports {@code state}; returns the reason it gave. */
    private static String reasonFor(CameraSpec camera, CameraState state) {
        try (ReaderDriver reader = new ReaderDriver(camera)) {
            reader.fetchUntil(() -> reader.lastStatus() != null && reader.lastStatus().state() == state, 15_000,
                    "state " + state);
            assertThat(reader.frames).isEmpty();
            return reader.lastStatus().reason();
        }
    }

    @Test
    void closedPortIsRetriedWithBackoff() throws IOException {
        CameraSpec camera = camera("rtsp://127.0.0.1:" + RtspServer.freePort() + "/cam");
        try (ReaderDriver reader = new ReaderDriver(camera)) {
            // Several attempts, one state change: the camera stays in backoff with one reason.
            reader.fetchUntil(() -> reader.statuses.size() >= 2, 10_000, "backoff");
            long until = System.currentTimeMillis() + 1_000;
            reader.fetchUntil(() -> System.currentTimeMillis() > until, 5_000, "a second of retries");
            assertThat(reader.statuses).extracting(CameraStatusEvent::state)
                    .containsExactly(CameraState.CONNECTING, CameraState.BACKOFF);
            assertThat(reader.lastStatus().reason()).endsWith(": Connection refused");
            assertThat(reader.finished()).isFalse();
        }
    }

    @Test
    void wrongPathIsReportedAsAPermanentFailure() throws IOException {
        String url = server().url("admin", PASSWORD).replace("/cam", "/nothing-here");
        assertThat(reasonFor(camera(url), CameraState.FAILED)).contains("404 Not Found");
    }

    @Test
    void missingCredentialsGive401() throws IOException {
        assertThat(reasonFor(camera(server().url()), CameraState.FAILED)).contains("401 Unauthorized");
    }

    @Test
    void nonVideoBytesAreAPermanentFailure() {
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/garbage.mp4";
        assertThat(reasonFor(camera(url), CameraState.FAILED)).contains("Invalid data found when processing input");
    }

    @Test
    void unsetEnvironmentVariableIsNamed() throws IOException {
        String url = server().url("admin", "${LPR_TEST_UNSET_PASSWORD}");
        assertThat(reasonFor(camera(url), CameraState.FAILED))
                .isEqualTo("environment variable LPR_TEST_UNSET_PASSWORD is not set");
    }

    @Test
    void truncatedFileEndsThatCameraOnly() throws IOException {
        byte[] bytes = Files.readAllBytes(clip);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        try (ReaderDriver reader = new ReaderDriver(CameraSpec.of("cut", truncated.toString()))) {
            reader.fetchUntil(reader::finished, 10_000, "the camera finishes");
            assertThat(reader.statuses).extracting(CameraStatusEvent::state)
                    .containsExactly(CameraState.CONNECTING, CameraState.FAILED, CameraState.FINISHED);
            assertThat(reader.lastStatus().reason())
                    .startsWith("camera cut: not a video FFmpeg can read: " + truncated);
        }
    }

    @Test
    void badUrlsAreRefusedWhenTheCameraIsDefined() {
        assertThatThrownBy(() -> CameraSpec.of("c", "rtsp://admin:" + PASSWORD + "@127.0.0.1:99999/cam"))
                .hasMessage("camera c: bad port '99999' in rtsp://admin:***@127.0.0.1:99999/cam");
        assertThatThrownBy(() -> CameraSpec.of("c", "rtsp:///cam")).hasMessage("camera c: no host in rtsp:///cam");
        assertThatThrownBy(() -> CameraSpec.of("c", "rtmp://10.0.0.5/live"))
                .hasMessageContaining("unsupported URL scheme 'rtmp'");
    }

    /** The password appears in no log line, status, exception message or description of a camera. */
    @Test
    void credentialsAppearNowhere() throws IOException {
        List<String> shown = new ArrayList<>();
        int port = server().port();
        try (LogCapture logs = new LogCapture()) {
            CameraSpec good = camera(server().url("admin", PASSWORD)).withSize(0, 0);
            try (ReaderDriver reader = new ReaderDriver(good)) {
                reader.fetchUntil(() -> reader.frames.size() >= 3, 15_000, "frames with the right password");
                reader.statuses.forEach(s -> shown.add(s.toString()));
            }
            CameraSpec wrong = camera(server().url("admin", WRONG_PASSWORD));
            shown.add(reasonFor(wrong, CameraState.FAILED));
            CameraSpec refused = camera("http://admin:" + PASSWORD + "@127.0.0.1:" + RtspServer.freePort() + "/a");
            shown.add(reasonFor(refused, CameraState.BACKOFF));
            for (CameraSpec camera : List.of(good, wrong, refused)) {
                shown.add(camera.toString());
                shown.add(camera.maskedUrl());
                shown.add(new CameraSplit(camera).toString());
            }
            IOException refusedOpen = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> VideoDecoder.open(wrong, -1, CameraMetrics.unregistered()));
            shown.add(refusedOpen.getMessage());
            shown.add(String.valueOf(refusedOpen.getCause()));
            shown.addAll(logs.lines());
        }
        assertThat(shown).anyMatch(line -> line.contains("401 Unauthorized"))
                .anyMatch(line -> line.contains("rtsp://admin:***@127.0.0.1:" + port + "/cam"))
                .anyMatch(line -> line.contains("FFmpeg: "));
        assertThat(shown).noneMatch(line -> line.contains(PASSWORD) || line.contains(WRONG_PASSWORD));
    }
}
