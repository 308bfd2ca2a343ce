package io.lpr.recognize;

import io.lpr.event.Box;
import io.lpr.image.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The reference's crop: the detector box grown by 20% of its height above and below (columns unchanged),
 * coordinates truncated to integers and clamped to the frame.
 */
public final class PlateCrop {
    private static final double GROW = 0.2;

    private PlateCrop() {}

    /** Pixel rectangle of a crop in the frame: columns [x, x + width), rows [y, y + height). */
    public record Region(int x, int y, int width, int height) {
        public boolean isEmpty() {
            return width <= 0 || height <= 0;
        }
    }

    /** A crop as packed BGR bytes, the form {@link io.lpr.event.PlateCandidate} carries. */
    public record Pixels(int width, int height, byte[] bgr) {}

    /** Where the crop of {@code box} lies in a frame of the given size; empty when nothing of it is inside. */
    public static Region region(int frameWidth, int frameHeight, Box box) {
        double grow = GROW * ((double) box.y2 - box.y1);
        // (int) truncates toward zero like the reference's int(); clamping then keeps it inside the frame.
        int top = clamp((int) (box.y1 - grow), frameHeight);
        int bottom = clamp((int) (box.y2 + grow), frameHeight);
        int left = clamp((int) box.x1, frameWidth);
        int right = clamp((int) box.x2, frameWidth);
        return new Region(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    /**
     * A copy of the crop of {@code box} from a BGR frame; the caller closes it.
     *
     * @throws IllegalArgumentException when the box has no pixels inside the frame (check {@link #region})
     */
    public static Mat cut(Mat frame, Box box) {
        Region region = region(frame.cols(), frame.rows(), box);
        if (region.isEmpty()) {
            throw new IllegalArgumentException(
                    "box " + box + " has no pixels inside the " + frame.cols() + "x" + frame.rows() + " frame");
        }
        try (Rect rect = new Rect(region.x(), region.y(), region.width(), region.height());
                Mat view = new Mat(frame, rect)) {
            return view.clone();
        }
    }

    /** The crop of {@code box} as packed BGR bytes. */
    public static Pixels cutBgr(Mat frame, Box box) {
        try (Mat crop = cut(frame, box)) {
            return new Pixels(crop.cols(), crop.rows(), Images.toBgr(crop));
        }
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
