package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.model.Device;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.function.Consumer;
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
        DetectorConfig config = DetectorConfig.DEFAULTS.toBuilder().tileSizes(List.of()).wholeFrame(false).build();

        assertThat(config.runsWholeFrame()).isTrue();
    }

    @Test
    void badSettingsAreNamed() {
        assertInvalid(c -> c.confidence(0), "confidence");
        assertInvalid(c -> c.watchConfidence(0), "watch confidence");
        assertInvalid(c -> c.watchConfidence(0.31f), "at most the detector confidence");
        assertInvalid(c -> c.confidence(0.1f), "watch confidence");
        assertInvalid(c -> c.nmsIou(1.5f), "NMS IoU");
        assertInvalid(c -> c.inputSize(400), "input size");
        assertInvalid(c -> c.tileSizes(List.of(640, 8)), "tile sizes");
        assertInvalid(c -> c.tileOverlap(-0.1f), "overlap");
        assertInvalid(c -> c.device(null), "cpu or gpu");
        assertInvalid(c -> c.intraOpThreads(0), "intra-op threads");
        assertInvalid(c -> c.modelFile(" "), "model file");
        assertInvalid(c -> c.format(null), "format");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        DetectorConfig config = DetectorConfig.DEFAULTS.toBuilder().tileSizes(List.of(512)).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(config);
        }
    }

    private static void assertInvalid(Consumer<DetectorConfig.Builder> change, String named) {
        DetectorConfig.Builder builder = DetectorConfig.DEFAULTS.toBuilder();
        change.accept(builder);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }
}
