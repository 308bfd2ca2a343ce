package io.lpr.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_CROP_UNALIGNED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_apply_cropping;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.event.Frame;
import io.lpr.image.Images;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns a kept {@link Picture} into a {@link Frame}: crop to the camera's region of interest,
 * convert to BGR, resize. Cropping only moves the picture's plane pointers, so only the region
 * is converted. Not thread-safe; one per camera.
 */
public final class FrameConverter implements AutoCloseable {
    /** Well over what swscale writes past the end of a row (one SIMD block of BGR pixels). */
    private static final int SWSCALE_OVERRUN_BYTES = 256;

    private final CameraSpec camera;
    private SwsContext toBgr;

    public FrameConverter(CameraSpec camera) {
        this.camera = camera;
    }

    /**
     * Converts the picture, cropping it in place (it is the caller's own reference).
     *
     * @throws IllegalStateException when the region of interest does not fit the picture or
     *     FFmpeg cannot convert its pixel format
     */
    public Frame convert(Picture picture) {
        AVFrame source = picture.frame();
        Roi roi = camera.roi();
        if (roi != null) {
            if (!roi.fitsIn(source.width(), source.height())) {
                throw new IllegalStateException("region of interest " + roi + " does not fit the "
                        + source.width() + "x" + source.height() + " picture");
            }
            source.crop_left(roi.x()).crop_top(roi.y())
                    .crop_right(source.width() - roi.x() - roi.width())
                    .crop_bottom(source.height() - roi.y() - roi.height());
            if (av_frame_apply_cropping(source, AV_FRAME_CROP_UNALIGNED) < 0) {
                throw new IllegalStateException("cannot crop a picture of pixel format " + source.format()
                        + " to the region of interest " + roi);
            }
        }
        int width = source.width();
        int height = source.height();
        toBgr = sws_getCachedContext(toBgr, width, height, source.format(), width, height, AV_PIX_FMT_BGR24,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (toBgr == null) {
            throw new IllegalStateException("no conversion from FFmpeg pixel format " + source.format() + " to BGR");
        }
        byte[] pixels;
        int rowBytes = width * 3;
        // swscale's SIMD writes whole blocks of pixels: a row whose width is not a multiple of 16
        // runs past its end (seen: heap corruption at 200 px wide), so the last row needs room after it.
        int spareRows = (SWSCALE_OVERRUN_BYTES + rowBytes - 1) / rowBytes;
        try (Mat padded = new Mat(height + spareRows, width, CV_8UC3);
                Mat bgr = padded.rowRange(0, height);
                // swscale reads four plane pointers and strides; packed BGR uses the first.
                PointerPointer<?> planes = new PointerPointer<>(4).put(0, bgr.data());
                IntPointer strides = new IntPointer(new int[] {(int) bgr.step(), 0, 0, 0})) {
            sws_scale(toBgr, source.data(), source.linesize(), 0, height, planes, strides);
            if (camera.resizes() && (width != camera.width() || height != camera.height())) {
                width = camera.width();
                height = camera.height();
                try (Mat resized = Images.resized(bgr, width, height, INTER_AREA)) {
                    pixels = Images.toBgr(resized);
                }
            } else {
                pixels = Images.toBgr(bgr);
            }
        }
        return new Frame(camera.id(), picture.eventTime(), picture.sequence(), width, height, pixels);
    }

    @Override
    public void close() {
        if (toBgr != null) {
            sws_freeContext(toBgr);
            toBgr = null;
        }
    }
}
