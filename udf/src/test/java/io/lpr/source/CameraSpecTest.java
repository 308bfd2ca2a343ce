package io.lpr.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(camera.hasBaseEpochMillis()).isFalse();
        assertThat(camera.isFile()).isTrue();
    }

    @Test
    void pathMayContainEqualsSigns() {
        assertThat(CameraSpec.parse("a=/x=y.mp4").url()).isEqualTo("/x=y.mp4");
    }

    @Test
    void badSpecsGiveOneLineReasons() {
        assertThatThrownBy(() -> CameraSpec.parse(""))
                .hasMessage("empty camera spec; expected ID=PATH, e.g. cam1=/videos/gate.mp4");
        assertThatThrownBy(() -> CameraSpec.parse("/videos/gate.mp4")).hasMessageContaining("has no '='");
        assertThatThrownBy(() -> CameraSpec.parse("=/videos/gate.mp4")).hasMessageContaining("has no camera id");
        assertThatThrownBy(() -> CameraSpec.parse("cam1=")).hasMessageContaining("has no video path");
        assertThatThrownBy(() -> CameraSpec.parse("cam 1=/v.mp4")).hasMessageContaining("camera id 'cam 1' must be");
        assertThatThrownBy(() -> CameraSpec.parse("cam1=rtsp://10.0.0.5/stream"))
                .hasMessageContaining("live streams (rtsp://10.0.0.5/stream) are not supported yet");
    }

    @Test
    void optionsAreValidated() {
        CameraSpec camera = CameraSpec.of("c", "/v.mp4");
        assertThat(camera.withSampleFps(5).withRealtime(true).withSize(0, 0).withBaseEpochMillis(7))
                .satisfies(c -> {
                    assertThat(c.sampleFps()).isEqualTo(5);
                    assertThat(c.realtime()).isTrue();
                    assertThat(c.resizes()).isFalse();
                    assertThat(c.baseEpochMillis()).isEqualTo(7);
                });
        assertThatThrownBy(() -> camera.withSampleFps(-1)).hasMessageContaining("sample rate");
        assertThatThrownBy(() -> camera.withSampleFps(Double.NaN)).hasMessageContaining("sample rate");
        assertThatThrownBy(() -> camera.withSize(640, 0)).hasMessageContaining("frame size");
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
    void sourceFixesOneBaseTimeForAllCamerasWithoutOne() {
        CameraSource source = CameraSource.of(List.of(CameraSpec.parse("a=/1.mp4"), CameraSpec.parse("b=/2.mp4"),
                CameraSpec.parse("c=/3.mp4").withBaseEpochMillis(5)));
        List<CameraSpec> cameras = source.cameras();
        assertThat(cameras.get(0).baseEpochMillis()).isEqualTo(cameras.get(1).baseEpochMillis()).isGreaterThan(5);
        assertThat(cameras.get(2).baseEpochMillis()).isEqualTo(5);
        assertThat(source.getBoundedness()).isEqualTo(org.apache.flink.api.connector.source.Boundedness.BOUNDED);
    }
}
