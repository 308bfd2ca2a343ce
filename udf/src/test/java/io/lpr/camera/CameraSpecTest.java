package io.lpr.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.source.CameraSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraSpecTest {
    @Test
    void parsesIdAndPathWithDefaults() {
        CameraSpec camera = CameraSpec.parse(" cam1 = /videos/gate 1.mp4 ");
        assertThat(camera.id()).isEqualTo("cam1");
        assertThat(camera.url()).isEqualTo("/videos/gate 1.mp4");
        assertThat(camera.sampleFps()).isZero();
        assertThat(camera.realtime()).isFalse();
        assertThat(camera.width()).isEqualTo(1920);
        assertThat(camera.height()).isEqualTo(1080);
        assertThat(camera.isFile()).isTrue();
    }

    @Test
    void pathMayContainEqualsSigns() {
        assertThat(CameraSpec.parse("a=/x=y.mp4").url()).isEqualTo("/x=y.mp4");
    }

    @Test
    void badSpecsGiveOneLineReasons() {
        assertThatThrownBy(() -> CameraSpec.parse(""))
                .hasMessage("empty camera spec; expected ID=URL, e.g. cam1=/videos/gate.mp4 or "
                        + "cam1=rtsp://10.0.0.5/stream");
        assertThatThrownBy(() -> CameraSpec.parse("/videos/gate.mp4")).hasMessageContaining("has no '='");
        assertThatThrownBy(() -> CameraSpec.parse("=/videos/gate.mp4")).hasMessageContaining("has no camera id");
        assertThatThrownBy(() -> CameraSpec.parse("cam1=")).hasMessageContaining("has no video path");
        assertThatThrownBy(() -> CameraSpec.parse("cam 1=/v.mp4")).hasMessageContaining("camera id 'cam 1' must be");
        assertThatThrownBy(() -> CameraSpec.parse("cam1=rtmp://10.0.0.5/stream"))
                .hasMessage("camera cam1: unsupported URL scheme 'rtmp' in rtmp://10.0.0.5/stream; "
                        + "use rtsp://, rtsps://, http://, https:// or a file path");
        assertThatThrownBy(() -> CameraSpec.parse("cam1=rtsp://u:secret@:554/s"))
                .hasMessage("camera cam1: no host in rtsp://u:***@:554/s");
        assertThatThrownBy(() -> CameraSpec.parse("cam1=rtsp://10.0.0.5:0/s")).hasMessageContaining("bad port '0'");
        assertThatThrownBy(() -> CameraSpec.parse("cam1=rtsp://10.0.0.5:x/s")).hasMessageContaining("bad port 'x'");
    }

    @Test
    void liveStreamsAreAcceptedWithTheirOptions() {
        CameraSpec camera = CameraSpec.parse("gate=rtsp://admin:s3cret@10.0.0.5:8554/live?channel=1")
                .withTransport(CameraSpec.Transport.UDP).withRoi(Roi.parse("100, 50, 640, 360"))
                .withReconnect(Reconnect.of(250, 8000, 1.5)).withTimeout(Duration.ofMillis(3000));
        assertThat(camera.isLive()).isTrue();
        assertThat(camera.isFile()).isFalse();
        assertThat(camera.url()).isEqualTo("rtsp://admin:s3cret@10.0.0.5:8554/live?channel=1");
        assertThat(camera.maskedUrl()).isEqualTo("rtsp://admin:***@10.0.0.5:8554/live?channel=1");
        assertThat(camera.transport()).isEqualTo(CameraSpec.Transport.UDP);
        assertThat(camera.roi()).isEqualTo(Roi.of(100, 50, 640, 360));
        assertThat(camera.reconnect().maxDelay().toMillis()).isEqualTo(8000);
        assertThat(camera.timeout()).isEqualTo(Duration.ofMillis(3000));
        assertThat(camera.toString()).isEqualTo("gate=rtsp://admin:***@10.0.0.5:8554/live?channel=1 (every frame, "
                + "roi 100,50,640,360, 1920x1080, udp, reconnect 250..8000 ms x1.5, timeout 3000 ms)");

        CameraSpec http = CameraSpec.of("web", "https://cam.example/video.mjpg?password=hunter2");
        assertThat(http.isLive()).isTrue();
        assertThat(http.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> http.withTransport(CameraSpec.Transport.UDP))
                .hasMessage("camera web: transport udp applies to rtsp:// cameras only, not to "
                        + "https://cam.example/video.mjpg?password=***");
        // Environment references stay unresolved in the spec, even where the host would be.
        assertThat(CameraSpec.of("env", "rtsp://${CAM_USER}:${CAM_PASS}@${CAM_HOST}/s").maskedUrl())
                .isEqualTo("rtsp://${CAM_USER}:***@${CAM_HOST}/s");
    }

    /** The registry tells a changed camera by comparing specs: every field counts. */
    @Test
    void specsAreEqualExactlyWhenEveryFieldIs() {
        CameraSpec base = CameraSpec.of("c", "rtsp://10.0.0.5/s");
        assertThat(CameraSpec.of("c", "rtsp://10.0.0.5/s")).isEqualTo(base).hasSameHashCodeAs(base);
        for (CameraSpec changed : List.of(
                CameraSpec.of("d", "rtsp://10.0.0.5/s"), CameraSpec.of("c", "rtsp://10.0.0.6/s"),
                base.withSampleFps(5), base.withRealtime(true), base.withSize(0, 0),
                base.withTransport(CameraSpec.Transport.UDP), base.withRoi(Roi.of(0, 0, 10, 10)),
                base.withReconnect(Reconnect.of(1, 2, 3)), base.withTimeout(Duration.ofMillis(1)))) {
            assertThat(changed).isNotEqualTo(base);
        }
        assertThat(base.withRoi(Roi.of(0, 0, 10, 10))).isEqualTo(base.withRoi(Roi.parse("0,0,10,10")));
    }

    @Test
    void optionsAreValidated() {
        CameraSpec camera = CameraSpec.of("c", "/v.mp4");
        assertThat(camera.withSampleFps(5).withRealtime(true).withSize(0, 0))
                .satisfies(c -> {
                    assertThat(c.sampleFps()).isEqualTo(5);
                    assertThat(c.realtime()).isTrue();
                    assertThat(c.resizes()).isFalse();
                });
        assertThatThrownBy(() -> camera.withSampleFps(-1)).hasMessageContaining("sample rate");
        assertThatThrownBy(() -> camera.withSampleFps(Double.NaN)).hasMessageContaining("sample rate");
        assertThatThrownBy(() -> camera.withSize(640, 0)).hasMessageContaining("frame size");
        assertThatThrownBy(() -> camera.withTimeout(Duration.ofMillis(0))).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> Reconnect.of(0, 10, 2)).hasMessageContaining("0 < initial <= max");
        assertThatThrownBy(() -> Reconnect.of(10, 5, 2)).hasMessageContaining("0 < initial <= max");
        assertThatThrownBy(() -> Reconnect.of(10, 50, 0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> Roi.parse("1,2,3")).hasMessage(
                "region of interest '1,2,3': expected x,y,width,height in source pixels, e.g. 640,360,1280,720");
        assertThatThrownBy(() -> Roi.parse("1,2,a,4")).hasMessageContaining("expected x,y,width,height");
        assertThatThrownBy(() -> Roi.of(-1, 0, 5, 5)).hasMessageContaining("x, y >= 0");
        assertThatThrownBy(() -> Roi.of(0, 0, 0, 5)).hasMessageContaining("positive width and height");
    }

    @Test
    void duplicateIdsAreNamed() {
        List<CameraSpec> cameras =
                List.of(CameraSpec.parse("a=/1.mp4"), CameraSpec.parse("b=/2.mp4"), CameraSpec.parse("a=/3.mp4"));
        assertThatThrownBy(() -> CameraSpec.requireUniqueIds(cameras))
                .hasMessage("camera id 'a' is given more than once");
        assertThatThrownBy(() -> CameraSource.of(cameras)).hasMessage("camera id 'a' is given more than once");
        assertThatThrownBy(() -> CameraSource.of(List.of())).hasMessageContaining("no cameras");
    }

    @Test
    void aFixedListOfFilesIsBounded() {
        CameraSource source = CameraSource.of(List.of(CameraSpec.parse("a=/1.mp4"), CameraSpec.parse("b=/2.mp4")));
        assertThat(source.cameras()).extracting(CameraSpec::id).containsExactly("a", "b");
        assertThat(source.getBoundedness()).isEqualTo(org.apache.flink.api.connector.source.Boundedness.BOUNDED);
    }

    @Test
    void withManySettingsChecksThemTogether() {
        CameraSpec gate = CameraSpec.of("gate", "rtsp://10.0.0.5/s");
        // Width and height change together: 0x0 is valid, while 0x1080 on the way there would not be.
        CameraSpec changed = gate.with(java.util.Map.of(CameraField.FPS, 5.0, CameraField.WIDTH, 0,
                CameraField.HEIGHT, 0, CameraField.TRANSPORT, CameraSpec.Transport.UDP));
        assertThat(changed).isEqualTo(gate.withSampleFps(5).withSize(0, 0).withTransport(CameraSpec.Transport.UDP));
        // The schema's getters and with() agree: a spec's values, given to another, make the same spec.
        java.util.Map<CameraField, Object> values = new java.util.EnumMap<>(CameraField.class);
        for (CameraField field : CameraField.values()) {
            if (field.inSpec() && field.of(changed) != null) {
                values.put(field, field.of(changed));
            }
        }
        assertThat(values).containsOnlyKeys(CameraField.FPS, CameraField.REALTIME, CameraField.WIDTH,
                CameraField.HEIGHT, CameraField.TRANSPORT);
        assertThat(gate.with(values)).isEqualTo(changed);
        assertThatThrownBy(() -> CameraSpec.of("file", "/v.mp4").with(java.util.Map.of(CameraField.TRANSPORT,
                CameraSpec.Transport.UDP))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applies to rtsp:// cameras only");
        assertThatThrownBy(() -> gate.with(java.util.Map.of(CameraField.FPS, "five")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number");
    }
}
