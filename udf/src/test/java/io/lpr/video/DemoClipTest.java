package io.lpr.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.image.Images;
import java.nio.file.Path;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoClipTest {
    @TempDir
    Path dir;

    @Test
    void clipDecodesToTheExpectedFramesAndSize() throws Exception {
        Path clip = dir.resolve("demo.mp4");
        try (Mat image = Images.read(Path.of(System.getProperty("lpr.test.images"), "car.jpg"))) {
            DemoClip.write(image, clip, 2, 10, 320, 240);
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
            assertThat(grabber.getFrameRate()).isEqualTo(10.0);
            int frames = 0;
            for (Frame frame; (frame = grabber.grabImage()) != null; frames++) {
                assertThat(frame.imageWidth).isEqualTo(320);
                assertThat(frame.imageHeight).isEqualTo(240);
                assertThat(frame.timestamp).isEqualTo(frames * 100_000L);
            }
            assertThat(frames).isEqualTo(20);
        }
    }

    /** The reference's readable plate, in car.jpg resized to 1920x1080, must stay whole and about the same size. */
    @Test
    void panAndZoomKeepThePlateInViewAtNearlyTheSameSize() {
        double x1 = 232.44 * 780 / 1920;
        double y1 = 814.19 * 439 / 1080;
        double x2 = 324.64 * 780 / 1920;
        double y2 = 841.91 * 439 / 1080;
        double restWidth = (x2 - x1) * 1920 / 780;
        for (int i = 0; i <= 100; i++) {
            try (Mat m = DemoClip.transform(i / 100.0, 780, 439, 1920, 1080);
                    DoubleIndexer t = m.createIndexer()) {
                double left = t.get(0, 0) * x1 + t.get(0, 2);
                double right = t.get(0, 0) * x2 + t.get(0, 2);
                double top = t.get(1, 1) * y1 + t.get(1, 2);
                double bottom = t.get(1, 1) * y2 + t.get(1, 2);
                assertThat(left).isGreaterThan(0);
                assertThat(top).isGreaterThan(0);
                assertThat(right).isLessThan(1920);
                assertThat(bottom).isLessThan(1080);
                assertThat((right - left) / restWidth).isBetween(1.0, 1 + DemoClip.MAX_ZOOM + 1e-9);
            }
        }
    }

    @Test
    void rejectsOddSizes() {
        try (Mat image = new Mat(10, 10, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            assertThatThrownBy(() -> DemoClip.write(image, dir.resolve("x.mp4"), 1, 10, 321, 240))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("even width and height");
        }
    }
}
