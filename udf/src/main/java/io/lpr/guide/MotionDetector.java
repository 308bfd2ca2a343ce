package io.lpr.guide;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Where a camera's picture changed since its previous analysed frame: frame differencing on a grey copy shrunk to
 * a small height (as Frigate does), thresholded, cleaned of speckle and dilated so a vehicle's parts join up. Cheap:
 * a 1080p frame costs one resize and a few passes over ~25 thousand pixels. Not thread-safe; one per camera.
 */
public final class MotionDetector implements AutoCloseable {
    private static final int BLUR = 5;
    private static final int DILATE_ITERATIONS = 2;

    private final int height;
    private final int threshold;
    private Mat previous;
    private int previousWidth;
    private int previousHeight;

    public MotionDetector(int height, int threshold) {
        this.height = height;
        this.threshold = threshold;
    }

    /**
     * The grey picture the next frame is compared with, for a checkpoint.
     *
     * @param frameWidth width of the frame it was shrunk from
     * @param frameHeight height of the frame it was shrunk from
     * @param width its width
     * @param height its height
     * @param grey its pixels, row-major, {@code width * height} bytes
     */
    public record Reference(int frameWidth, int frameHeight, int width, int height, byte[] grey) {
        public Reference {
            if (width < 1 || height < 1 || grey.length != width * height) {
                throw new IllegalArgumentException("a " + width + "x" + height + " grey reference needs "
                        + ((long) width * height) + " bytes, got " + grey.length);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reference r && r.frameWidth == frameWidth && r.frameHeight == frameHeight
                    && r.width == width && r.height == height && Arrays.equals(r.grey, grey);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * frameWidth + frameHeight) + Arrays.hashCode(grey);
        }

        @Override
        public String toString() {
            return "Reference[" + width + "x" + height + " of " + frameWidth + "x" + frameHeight + "]";
        }
    }

    /** The picture the next frame is compared with; null before the first frame. */
    public Reference reference() {
        if (previous == null) {
            return null;
        }
        byte[] grey = new byte[previous.rows() * previous.cols()];
        previous.data().get(grey);
        return new Reference(previousWidth, previousHeight, previous.cols(), previous.rows(), grey);
    }

    /**
     * Continues from a reference taken by {@link #reference()}; null forgets it. A reference of another size than
     * this detector shrinks that frame to (its motion height was changed between the runs) is dropped: the next
     * frame then has no motion, as a first frame has none.
     */
    public void restore(Reference reference) {
        close();
        if (reference == null || reference.frameHeight() < 1
                || reference.height() != greyHeight(reference.frameHeight())
                || reference.width() != greyWidth(reference.frameWidth(), reference.frameHeight())) {
            return;
        }
        previous = new Mat(reference.height(), reference.width(), CV_8UC1);
        previous.data().put(reference.grey());
        previousWidth = reference.frameWidth();
        previousHeight = reference.frameHeight();
    }

    /**
     * The boxes (frame pixels) of the areas that changed since the previous frame given; none for the first frame
     * or after a change of frame size.
     */
    public List<Box> update(Mat bgrFrame) {
        Mat grey = shrunkGrey(bgrFrame);
        try {
            if (previous == null || previousWidth != bgrFrame.cols() || previousHeight != bgrFrame.rows()) {
                return List.of();
            }
            return changedAreas(grey, (float) bgrFrame.cols() / grey.cols(), (float) bgrFrame.rows() / grey.rows());
        } finally {
            if (previous != null) {
                previous.close();
            }
            previous = grey;
            previousWidth = bgrFrame.cols();
            previousHeight = bgrFrame.rows();
        }
    }

    private Mat shrunkGrey(Mat bgr) {
        int h = greyHeight(bgr.rows());
        int w = greyWidth(bgr.cols(), bgr.rows());
        Mat grey = new Mat();
        try (Mat small = new Mat(); Size size = new Size(w, h); Size blur = new Size(BLUR, BLUR)) {
            resize(bgr, small, size, 0, 0, INTER_AREA);
            cvtColor(small, grey, COLOR_BGR2GRAY);
            GaussianBlur(grey, grey, blur, 0);
        }
        return grey;
    }

    private int greyHeight(int frameHeight) {
        return Math.min(height, frameHeight);
    }

    private int greyWidth(int frameWidth, int frameHeight) {
        return Math.max(1, Math.round((float) frameWidth * greyHeight(frameHeight) / frameHeight));
    }

    private List<Box> changedAreas(Mat grey, float sx, float sy) {
        List<Box> areas = new ArrayList<>();
        try (Mat diff = new Mat();
                Mat mask = new Mat();
                Size three = new Size(3, 3);
                Mat kernel = getStructuringElement(MORPH_RECT, three);
                MatVector contours = new MatVector();
                Mat hierarchy = new Mat();
                Point anchor = new Point(-1, -1)) {
            absdiff(grey, previous, diff);
            threshold(diff, mask, threshold, 255, THRESH_BINARY);
            morphologyEx(mask, mask, MORPH_OPEN, kernel);
            dilate(mask, mask, kernel, anchor, DILATE_ITERATIONS, 0, null);
            findContours(mask, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                try (Mat contour = contours.get(i); Rect r = boundingRect(contour)) {
                    areas.add(new Box(r.x() * sx, r.y() * sy, (r.x() + r.width()) * sx, (r.y() + r.height()) * sy));
                }
            }
        }
        return areas;
    }

    @Override
    public void close() {
        if (previous != null) {
            previous.close();
            previous = null;
        }
    }
}
