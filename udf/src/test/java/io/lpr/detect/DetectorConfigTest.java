package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.model.Device;
import org.assertj.core.api.ThrowableAssert;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorConfigTest {

    @Test
    void defaultsAreValidAndTileTheFrame() {
        DetectorConfig config = DetectorConfig.DEFAULTS;

        assertThat(config.format()).isEqualTo(DetectorConfig.Format.ONNX_END2END);
        assertThat(config.tileSizes()).containsExactly(640, 832);
        assertThat(config.device()).isEqualTo(Device.CPU);
        assertThat(config.runsWholeFrame()).isTrue();
    }

    @Test
    void noTilesMeansWholeFrameEvenWhenWholeFrameIsOff() {
        DetectorConfig config = DetectorConfig.DEFAULTS.withTileSizes(List.of()).withWholeFrame(false);

        assertThat(config.runsWholeFrame()).isTrue();
    }

    @Test
    void badSettingsAreNamed() {
        assertInvalid(() -> DetectorConfig.DEFAULTS.withConfidence(0), "lpr.detector.confidence");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withWatchConfidence(0), "lpr.detector.watch-confidence");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withWatchConfidence(0.31f), "at most lpr.detector.confidence");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withConfidence(0.1f), "lpr.detector.watch-confidence");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withNmsIou(1.5f), "lpr.detector.nms-iou");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withInputSize(400), "lpr.detector.input-size");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withTileSizes(List.of(640, 8)), "lpr.detector.tile-sizes");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withTileOverlap(-0.1f), "lpr.detector.tile-overlap");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withDevice(null), "cpu or gpu");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withIntraOpThreads(0), "lpr.detector.intra-op-threads");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withModelFile(" "), "lpr.detector.model-file");
        assertInvalid(() -> DetectorConfig.DEFAULTS.withFormat(null), "lpr.detector.format");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        DetectorConfig config = DetectorConfig.DEFAULTS.withTileSizes(List.of(512));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(config);
        }
    }

    private static void assertInvalid(ThrowableAssert.ThrowingCallable change, String named) {
        assertThatThrownBy(change).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }
}
