package io.lpr.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.lpr.event.Frame;
import io.lpr.util.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** OpenCV conversions between Java byte arrays and Mats. Callers own (and close) every Mat returned. */
public final class Images {
    private Images() {}

    /** Wraps a copy of packed BGR bytes in a CV_8UC3 Mat. */
    public static Mat fromBgr(byte[] pixels, int width, int height) {
        if (pixels.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "expected " + width + "x" + height + "x3 = " + (width * height * 3) + " bytes, got " + pixels.length);
        }
        Mat mat = new Mat(height, width, CV_8UC3);
        mat.data().put(pixels);
        return mat;
    }

    public static Mat fromFrame(Frame frame) {
        return fromBgr(frame.pixels, frame.width, frame.height);
    }

    /** Packed BGR bytes of a CV_8UC3 Mat (copied, so a region of interest works too). */
    public static byte[] toBgr(Mat mat) {
        if (mat.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel Mat, got type " + mat.type());
        }
        Mat packed = mat.isContinuous() ? mat : mat.clone();
        try {
            byte[] out = new byte[packed.rows() * packed.cols() * 3];
            packed.data().get(out);
            return out;
        } finally {
            if (packed != mat) {
                packed.close();
            }
        }
    }

    /**
     * Reads an image file into a BGR Mat, with an error naming the file when it is not an image, or when its
     * header declares more than {@link DeclaredSize#MAX_PIXELS} pixels (checked before anything is decoded).
     */
    public static Mat read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IOException("cannot read image " + path + ": " + e.getMessage(), e);
        }
        DeclaredSize size = DeclaredSize.of(bytes);
        if (size != null && size.pixels() > DeclaredSize.MAX_PIXELS) {
            throw new IOException("image " + path + " declares " + size + " pixels, more than the "
                    + DeclaredSize.MAX_PIXELS / 1_000_000 + " million that are decoded");
        }
        Mat image;
        try {
            image = decode(bytes);
        } catch (RuntimeException e) {
            // OpenCV refuses what its own limits forbid (a header ImageIO cannot read, claiming too much).
            throw new IOException("cannot decode image " + path + ": " + Messages.firstLine(e), e);
        }
        if (image == null) {
            throw new IOException("not an image OpenCV can decode: " + path);
        }
        return image;
    }

    /** Decodes JPEG/PNG/... bytes into a BGR Mat; null when they are not an image. */
    public static Mat decode(byte[] bytes) {
        if (bytes.length == 0) {
            return null; // an empty Mat has no data to copy into
        }
        try (Mat buffer = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1)) {
            buffer.data().put(bytes);
            Mat image = imdecode(buffer, IMREAD_COLOR);
            if (image == null || image.empty()) {
                if (image != null) {
                    image.close();
                }
                return null;
            }
            return image;
        }
    }

    public static byte[] encodeJpeg(Mat image, int quality) {
        try (BytePointer buffer = new BytePointer()) {
            if (!imencode(".jpg", image, buffer, new IntPointer(IMWRITE_JPEG_QUALITY, quality))) {
                throw new IllegalStateException("OpenCV could not encode a JPEG");
            }
            byte[] out = new byte[(int) buffer.limit()];
            buffer.get(out);
            return out;
        }
    }

    public static byte[] encodeJpeg(byte[] bgr, int width, int height, int quality) {
        try (Mat mat = fromBgr(bgr, width, height)) {
            return encodeJpeg(mat, quality);
        }
    }

    /** Resizes with the given OpenCV interpolation (INTER_AREA, INTER_CUBIC, ...). */
    public static Mat resized(Mat image, int width, int height, int interpolation) {
        Mat out = new Mat();
        try (Size size = new Size(width, height)) {
            resize(image, out, size, 0, 0, interpolation);
        }
        return out;
    }
}
