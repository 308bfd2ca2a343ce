package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DetectorConfigTest {

    @Test
    void defaultsAreValidAndTileTheFrame() {
        DetectorConfig config = new DetectorConfig().validate();

        assertThat(config.format).isEqualTo(DetectorConfig.Format.ONNX_END2END);
        assertThat(config.tileSizes).containsExactly(640, 832);
        assertThat(config.runsWholeFrame()).isTrue();
    }

    @Test
    void noTilesMeansWholeFrameEvenWhenWholeFrameIsOff() {
        DetectorConfig config = new DetectorConfig();
        config.tileSizes = new ArrayList<>();
        config.wholeFrame = false;

        assertThat(config.validate().runsWholeFrame()).isTrue();
    }

    @Test
    void badSettingsAreNamed() {
        assertInvalid(c -> c.confidence = 0, "confidence");
        assertInvalid(c -> c.nmsIou = 1.5f, "NMS IoU");
        assertInvalid(c -> c.inputSize = 400, "input size");
        assertInvalid(c -> c.tileSizes = new ArrayList<>(List.of(640, 8)), "tile sizes");
        assertInvalid(c -> c.tileOverlap = -0.1f, "overlap");
        assertInvalid(c -> c.device = "tpu", "cpu or gpu");
        assertInvalid(c -> c.intraOpThreads = 0, "intra-op threads");
        assertInvalid(c -> c.modelFile = " ", "model file");
        assertInvalid(c -> c.format = null, "format");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        DetectorConfig config = new DetectorConfig();
        config.tileSizes = new ArrayList<>(List.of(512));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((DetectorConfig) in.readObject()).tileSizes).containsExactly(512);
        }
    }

    private static void assertInvalid(Consumer<DetectorConfig> change, String named) {
        DetectorConfig config = new DetectorConfig();
        change.accept(config);
        assertThatThrownBy(config::validate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }
}
