package io.lpr.detect;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.lpr.event.Box;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * YOLO's letterbox: scale the image to fit a square input keeping its aspect ratio (OpenCV INTER_LINEAR), centre it
 * on grey 114, and hand the model RGB values in 0..1, channels first. The detectors were trained on exactly this.
 */
public final class Letterbox {
    public static final int GREY = 114;

    private Letterbox() {}

    /** Where a {@code srcWidth x srcHeight} image lands inside the {@code size x size} input. */
    public record Geometry(int srcWidth, int srcHeight, int size, float scale, int width, int height, int left, int top) {

        /** A box in input pixels mapped back to source pixels, clamped to the source. */
        public Box toSource(Box box) {
            return new Box(
                    clamp((box.x1 - left) / scale, srcWidth),
                    clamp((box.y1 - top) / scale, srcHeight),
                    clamp((box.x2 - left) / scale, srcWidth),
                    clamp((box.y2 - top) / scale, srcHeight));
        }

        /** A box in source pixels mapped into input pixels. */
        public Box toInput(Box box) {
            return new Box(
                    box.x1 * scale + left, box.y1 * scale + top, box.x2 * scale + left, box.y2 * scale + top);
        }

        private static float clamp(float value, int max) {
            return Math.max(0f, Math.min(max, value));
        }
    }

    /** The geometry YOLOv5's letterbox uses: padding split evenly, the odd pixel going to the bottom/right. */
    public static Geometry geometry(int srcWidth, int srcHeight, int size) {
        if (srcWidth <= 0 || srcHeight <= 0) {
            throw new IllegalArgumentException("image must not be empty, got " + srcWidth + "x" + srcHeight);
        }
        float scale = Math.min((float) size / srcWidth, (float) size / srcHeight);
        int width = Math.min(size, Math.round(srcWidth * scale));
        int height = Math.min(size, Math.round(srcHeight * scale));
        int left = Math.round((size - width) / 2f - 0.1f);
        int top = Math.round((size - height) / 2f - 0.1f);
        return new Geometry(srcWidth, srcHeight, size, scale, width, height, left, top);
    }

    /** The model input for a BGR image: [3, size, size] RGB floats in 0..1, row-major. */
    public static float[] toChw(Mat bgr, Geometry geometry) {
        int size = geometry.size();
        try (Mat resized = new Mat();
                Mat padded = new Mat();
                Scalar grey = new Scalar(GREY, GREY, GREY, 0)) {
            Mat fitted = bgr;
            if (bgr.cols() != geometry.width() || bgr.rows() != geometry.height()) {
                try (Size target = new Size(geometry.width(), geometry.height())) {
                    resize(bgr, resized, target, 0, 0, INTER_LINEAR);
                }
                fitted = resized;
            }
            copyMakeBorder(
                    fitted,
                    padded,
                    geometry.top(),
                    size - geometry.height() - geometry.top(),
                    geometry.left(),
                    size - geometry.width() - geometry.left(),
                    BORDER_CONSTANT,
                    grey);
            // blobFromImage does the BGR->RGB swap, the scaling and the HWC->CHW transpose in one OpenCV pass.
            try (Size same = new Size();
                    Scalar noMean = new Scalar(0.0);
                    Mat blob = blobFromImage(padded, 1.0 / 255, same, noMean, true, false, CV_32F);
                    FloatPointer values = new FloatPointer(blob.data())) {
                float[] chw = new float[3 * size * size];
                values.capacity(chw.length).get(chw);
                return chw;
            }
        }
    }
}
