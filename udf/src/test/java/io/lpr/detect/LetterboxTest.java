package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.lpr.event.Box;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void aFullHdFrameIsScaledToTheInputWidthAndCentredVertically() {
        Letterbox.Geometry g = Letterbox.geometry(1920, 1080, 416);

        assertThat(g.scale()).isEqualTo(416f / 1920);
        assertThat(g.width()).isEqualTo(416);
        assertThat(g.height()).isEqualTo(234);
        assertThat(g.left()).isZero();
        assertThat(g.top()).isEqualTo(91);
    }

    @Test
    void anOddPaddingPutsTheExtraPixelAtTheBottom() {
        Letterbox.Geometry g = Letterbox.geometry(416, 215, 416);

        assertThat(g.top()).isEqualTo(100); // 201 rows of padding: 100 above, 101 below
        assertThat(g.height()).isEqualTo(215);
    }

    @Test
    void boxesMapIntoTheInputAndBack() {
        Letterbox.Geometry g = Letterbox.geometry(832, 640, 416);
        Box plate = new Box(232.44186f, 414.19446f, 324.64374f, 441.9125f);

        Box inInput = g.toInput(plate);
        Box back = g.toSource(inInput);

        assertThat(inInput.x1).isCloseTo(232.44186f / 2, within(1e-3f));
        assertThat(inInput.y1).isCloseTo(414.19446f / 2 + 48, within(1e-3f));
        assertThat(back.x1).isCloseTo(plate.x1, within(1e-3f));
        assertThat(back.y1).isCloseTo(plate.y1, within(1e-3f));
        assertThat(back.x2).isCloseTo(plate.x2, within(1e-3f));
        assertThat(back.y2).isCloseTo(plate.y2, within(1e-3f));
    }

    @Test
    void boxesReachingIntoThePaddingAreClampedToTheSource() {
        Letterbox.Geometry g = Letterbox.geometry(1920, 1080, 416);

        Box back = g.toSource(new Box(-5, 80, 420, 340));

        assertThat(back).isEqualTo(new Box(0, 0, 1920, 1080));
    }

    @Test
    void theInputIsRgbInZeroToOneChannelsFirstOnGrey() {
        int size = 64;
        try (Scalar bgr = new Scalar(10, 20, 30, 0);
                Mat image = new Mat(20, 40, CV_8UC3, bgr)) {
            Letterbox.Geometry g = Letterbox.geometry(40, 20, size);
            float[] chw = Letterbox.toChw(image, g);

            assertThat(chw).hasSize(3 * size * size);
            int centre = (size / 2) * size + size / 2;
            int plane = size * size;
            assertThat(chw[centre]).isCloseTo(30 / 255f, within(1e-6f)); // R first
            assertThat(chw[plane + centre]).isCloseTo(20 / 255f, within(1e-6f));
            assertThat(chw[2 * plane + centre]).isCloseTo(10 / 255f, within(1e-6f));
            assertThat(g.top()).isEqualTo(16);
            assertThat(chw[15 * size + 5]).isCloseTo(114 / 255f, within(1e-6f)); // the row above the image
            assertThat(chw[16 * size + 5]).isCloseTo(30 / 255f, within(1e-6f)); // the image's first row
            assertThat(chw[2 * plane + (size - 1) * size]).isCloseTo(114 / 255f, within(1e-6f));
        }
    }
}
