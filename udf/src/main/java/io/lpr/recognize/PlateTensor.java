package io.lpr.recognize;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;

import io.lpr.image.Images;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * The STN/LPRNet input of one crop: 94x24 bicubic resize, BGR, planar [3, 24, 94] float32 with
 * value = (pixel - 127.5) * 0.0078125.
 */
public final class PlateTensor {
    public static final int WIDTH = 94;
    public static final int HEIGHT = 24;
    public static final int CHANNELS = 3;
    /** Floats per crop. */
    public static final int SIZE = CHANNELS * HEIGHT * WIDTH;

    private static final double SCALE = 0.0078125;
    private static final double MEAN = 127.5;

    private PlateTensor() {}

    /** The normalised planar tensor of a BGR crop (any size, at least one pixel). */
    public static float[] of(Mat crop) {
        if (crop == null || crop.empty()) {
            throw new IllegalArgumentException("empty plate crop");
        }
        if (crop.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR plate crop, got OpenCV type " + crop.type());
        }
        float[] out = new float[SIZE];
        try (Mat small = Images.resized(crop, WIDTH, HEIGHT, INTER_CUBIC);
                Mat scaled = new Mat();
                MatVector planes = new MatVector()) {
            // 0.0078125 = 2^-7, so pixel * SCALE - MEAN * SCALE is exactly (pixel - MEAN) * SCALE in float.
            small.convertTo(scaled, CV_32F, SCALE, -MEAN * SCALE);
            split(scaled, planes);
            for (int c = 0; c < CHANNELS; c++) {
                try (Mat plane = planes.get(c); FloatPointer data = new FloatPointer(plane.data())) {
                    data.get(out, c * HEIGHT * WIDTH, HEIGHT * WIDTH);
                }
            }
        }
        return out;
    }
}
