package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.lpr.event.Box;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class MotionDetectorTest {

    @Test
    void findsTheAreaAMovingObjectCoveredAndNothingInAStillScene() {
        try (MotionDetector motion = new MotionDetector(120, 20);
                Mat first = scene(400);
                Mat still = scene(400);
                Mat moved = scene(520)) {
            assertThat(motion.update(first)).as("no previous frame").isEmpty();
            assertThat(motion.update(still)).as("nothing moved").isEmpty();

            List<Box> areas = motion.update(moved);

            assertThat(areas).isNotEmpty();
            Box all = union(areas);
            // The car was at x 400..700 and is now at 520..820, rows 600..800: the change lies within, give or take
            // the coarse motion grid and the dilation.
            assertThat(all.x1).isBetween(300f, 540f);
            assertThat(all.x2).isBetween(680f, 900f);
            assertThat(all.y1).isBetween(500f, 640f);
            assertThat(all.y2).isBetween(760f, 900f);
        }
    }

    @Test
    void aChangeOfFrameSizeStartsOver() {
        try (MotionDetector motion = new MotionDetector(120, 20);
                Mat first = scene(400);
                Mat smaller = new Mat(540, 960, CV_8UC3, new Scalar(90, 90, 90, 0))) {
            motion.update(first);
            assertThat(motion.update(smaller)).isEmpty();
        }
    }

    /** A grey 1080p street with a dark car body and a bright plate, the car's left edge at {@code x}. */
    private static Mat scene(int x) {
        Mat frame = new Mat(1080, 1920, CV_8UC3, new Scalar(90, 90, 90, 0));
        try (Point a = new Point(x, 600); Point b = new Point(x + 300, 800);
                Point p = new Point(x + 120, 760); Point q = new Point(x + 180, 775);
                Scalar dark = new Scalar(30, 30, 40, 0); Scalar white = new Scalar(240, 240, 240, 0)) {
            rectangle(frame, a, b, dark, FILLED, LINE_8, 0);
            rectangle(frame, p, q, white, FILLED, LINE_8, 0);
        }
        return frame;
    }

    private static Box union(List<Box> boxes) {
        Box u = new Box(Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE);
        for (Box b : boxes) {
            u = new Box(Math.min(u.x1, b.x1), Math.min(u.y1, b.y1), Math.max(u.x2, b.x2), Math.max(u.y2, b.y2));
        }
        return u;
    }
}
