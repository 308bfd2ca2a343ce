package io.lpr.video;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Makes an H.264 MP4 demo clip from a still image: a slow zoom-in-and-out with a small pan, so the
 * pipeline sees moving video while every object (the plate included) stays fully in view at
 * nearly the same size.
 */
public final class DemoClip {
    /** Largest zoom factor reached mid-clip: objects grow by at most 10%. */
    static final double MAX_ZOOM = 0.10;
    /** Share of the zoom's spare margin used for panning; below 1 so no border is ever shown. */
    private static final double PAN_SHARE = 0.9;
    /** Bits per pixel per frame; generous because plate text must survive compression. */
    private static final double BITS_PER_PIXEL = 0.4;

    public static final double DEFAULT_SECONDS = 10;
    public static final double DEFAULT_FPS = 10;
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;

    private DemoClip() {}

    /** A 10 s clip at 10 fps, 1920x1080: the reference's analysis size. */
    public static void write(Mat image, Path out) throws IOException {
        write(image, out, DEFAULT_SECONDS, DEFAULT_FPS, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Writes {@code round(seconds * fps)} frames of {@code width x height} to {@code out} (MP4,
     * H.264, yuv420p). The image is stretched to the clip's size, as the reference stretched
     * every frame to 1920x1080.
     */
    public static void write(Mat image, Path out, double seconds, double fps, int width, int height)
            throws IOException {
        if (image == null || image.empty()) {
            throw new IllegalArgumentException("demo clip needs a non-empty image");
        }
        if (!(seconds > 0) || !(fps > 0) || width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("demo clip needs seconds > 0, fps > 0 and an even width and height, got "
                    + seconds + " s, " + fps + " fps, " + width + "x" + height);
        }
        int frames = (int) Math.round(seconds * fps);
        try (FFmpegFrameRecorder recorder = ClipRecorder.start(out, width, height, fps, BITS_PER_PIXEL);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                Mat frame = new Mat();
                Size size = new Size(width, height);
                Scalar black = new Scalar(0.0)) {
            for (int i = 0; i < frames; i++) {
                double t = frames == 1 ? 0 : i / (double) (frames - 1);
                try (Mat transform = transform(t, image.cols(), image.rows(), width, height)) {
                    // Bilinear: smooth for enlarging a small photo, and fast at 1080p.
                    warpAffine(image, frame, transform, size, INTER_LINEAR, BORDER_REPLICATE, black);
                }
                recorder.record(converter.convert(frame));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write demo clip " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The affine map from image pixels to clip pixels at time {@code t} in [0, 1]: the zoom rises
     * from 1 to 1 + MAX_ZOOM and back (a raised cosine, so motion starts and ends gently) while
     * the focus point pans along an ellipse, never further than the zoom's margin allows.
     */
    static Mat transform(double t, int imageWidth, int imageHeight, int width, int height) {
        double zoom = 1 + MAX_ZOOM * (0.5 - 0.5 * Math.cos(2 * Math.PI * t));
        double margin = PAN_SHARE * (1 - 1 / zoom) / 2;
        double focusX = imageWidth * (0.5 + margin * Math.sin(2 * Math.PI * t));
        double focusY = imageHeight * (0.5 + margin * Math.sin(4 * Math.PI * t));
        double scaleX = zoom * width / imageWidth;
        double scaleY = zoom * height / imageHeight;
        Mat m = new Mat(2, 3, CV_64F);
        try (DoubleIndexer idx = m.createIndexer()) {
            idx.put(0, 0, scaleX, 0, width / 2.0 - scaleX * focusX);
            idx.put(1, 0, 0, scaleY, height / 2.0 - scaleY * focusY);
        }
        return m;
    }
}
