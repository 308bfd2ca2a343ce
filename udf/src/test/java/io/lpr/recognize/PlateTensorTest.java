package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class PlateTensorTest {
    @Test
    void isPlanarBgrNormalisedAroundZero() {
        try (Mat crop = new Mat(39, 92, CV_8UC3, new Scalar(0, 255, 128, 0))) {
            float[] tensor = PlateTensor.of(crop);
            int plane = PlateTensor.HEIGHT * PlateTensor.WIDTH;
            assertThat(tensor).hasSize(3 * 24 * 94);
            assertThat(tensor[0]).isEqualTo(-0.99609375f); // blue 0
            assertThat(tensor[plane - 1]).isEqualTo(-0.99609375f);
            assertThat(tensor[plane]).isEqualTo(0.99609375f); // green 255
            assertThat(tensor[2 * plane + 1000]).isEqualTo(0.00390625f); // red 128
        }
    }

    @Test
    void refusesEmptyOrGreyCrops() {
        try (Mat empty = new Mat(); Mat grey = new Mat(24, 94, CV_8UC1)) {
            assertThatThrownBy(() -> PlateTensor.of(empty)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PlateTensor.of(grey))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BGR");
        }
    }
}
