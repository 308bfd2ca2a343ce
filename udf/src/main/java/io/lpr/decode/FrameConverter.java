package io.lpr.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_CROP_UNALIGNED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_apply_cropping;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.event.Frame;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Turns a kept {@link Picture} into a {@link Frame}: crop to the camera's region of interest, then
 * convert to BGR and resize in one swscale pass into a reused buffer, copied once into the frame.
 * Cropping only moves the picture's plane pointers, so only the region is converted. Not
 * thread-safe; one per camera.
 */
public final class FrameConverter implements AutoCloseable {
    /** Well over what swscale writes past the end of a row (one SIMD block of BGR pixels). */
    private static final int SWSCALE_OVERRUN_BYTES = 256;

    private final CameraSpec camera;
    private SwsContext toBgr;
    /** swscale's output, reused from frame to frame; the pixels are copied once, into the Frame's array. */
    private BytePointer output;

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
        int sourceWidth = source.width();
        int sourceHeight = source.height();
        boolean resize = camera.resizes() && (sourceWidth != camera.width() || sourceHeight != camera.height());
        int width = resize ? camera.width() : sourceWidth;
        int height = resize ? camera.height() : sourceHeight;
        // One swscale pass converts to BGR and resizes (area averaging, like OpenCV's INTER_AREA the reference
        // resized with); the same size keeps JavaCV's own bilinear conversion.
        toBgr = sws_getCachedContext(toBgr, sourceWidth, sourceHeight, source.format(), width, height,
                AV_PIX_FMT_BGR24, resize ? SWS_AREA : SWS_BILINEAR, null, null, (DoublePointer) null);
        if (toBgr == null) {
            throw new IllegalStateException("no conversion from FFmpeg pixel format " + source.format() + " to BGR");
        }
        int rowBytes = width * 3;
        byte[] pixels = new byte[rowBytes * height];
        BytePointer out = output(pixels.length);
        try (PointerPointer<?> planes = new PointerPointer<>(4).put(0, out);
                // swscale reads four plane pointers and strides; packed BGR uses the first.
                IntPointer strides = new IntPointer(new int[] {rowBytes, 0, 0, 0})) {
            sws_scale(toBgr, source.data(), source.linesize(), 0, sourceHeight, planes, strides);
        }
        out.position(0).get(pixels);
        Frame frame = new Frame(camera.id(), picture.eventTime(), picture.sequence(), width, height, pixels);
        frame.offsetMs = picture.offsetMillis();
        return frame;
    }

    /**
     * The output buffer for {@code bytes} of BGR. swscale's SIMD writes whole blocks of pixels: a row whose width is
     * not a multiple of 16 runs past its end (seen: heap corruption at 200 px wide), so there is room after it.
     */
    private BytePointer output(long bytes) {
        long needed = bytes + SWSCALE_OVERRUN_BYTES;
        if (output == null || output.capacity() < needed) {
            if (output != null) {
                output.close();
            }
            output = new BytePointer(needed);
        }
        return output;
    }

    @Override
    public void close() {
        if (output != null) {
            output.close();
            output = null;
        }
        if (toBgr != null) {
            sws_freeContext(toBgr);
            toBgr = null;
        }
    }
}
