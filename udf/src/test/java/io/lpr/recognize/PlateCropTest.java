package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.lpr.event.Box;
import io.lpr.recognize.PlateCrop.Region;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class PlateCropTest {
    @Test
    void growsTheBoxByAFifthOfItsHeightAboveAndBelow() {
        // The readable plate of the conformance case: h = 27.718, rows 808.65 .. 847.46, columns 232.4 .. 324.6.
        Region region = PlateCrop.region(1920, 1080, new Box(232.44186f, 814.19446f, 324.64374f, 841.9125f));
        assertThat(region).isEqualTo(new Region(232, 808, 92, 39));
    }

    @Test
    void clampsToTheFrame() {
        assertThat(PlateCrop.region(100, 50, new Box(-5f, 2f, 120f, 48f))).isEqualTo(new Region(0, 0, 100, 50));
        assertThat(PlateCrop.region(100, 50, new Box(200f, 10f, 300f, 20f)).isEmpty()).isTrue();
    }

    @Test
    void cutsACopyOfTheRegion() {
        try (Mat frame = new Mat(50, 100, CV_8UC3, new Scalar(10, 20, 30, 0));
                Mat crop = PlateCrop.cut(frame, new Box(10f, 20f, 30f, 30f))) {
            assertThat(crop.cols()).isEqualTo(20);
            assertThat(crop.rows()).isEqualTo(14); // rows 18 .. 32
            assertThat(crop.isContinuous()).isTrue();
            assertThat(crop.data().address()).isNotEqualTo(frame.data().address());

            PlateCrop.Pixels pixels = PlateCrop.cutBgr(frame, new Box(10f, 20f, 30f, 30f));
            assertThat(pixels.width()).isEqualTo(20);
            assertThat(pixels.height()).isEqualTo(14);
            assertThat(pixels.bgr()).hasSize(20 * 14 * 3).startsWith((byte) 10, (byte) 20, (byte) 30);
        }
    }

    @Test
    void refusesABoxOutsideTheFrame() {
        try (Mat frame = new Mat(50, 100, CV_8UC3)) {
            assertThatThrownBy(() -> PlateCrop.cut(frame, new Box(150f, 10f, 160f, 20f)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("100x50");
        }
    }
}
