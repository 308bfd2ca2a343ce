package io.lpr.decode;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.StreamUrls;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a camera's video file or live stream with FFmpeg, with the options each kind needs, and
 * checks it holds a picture the camera's settings fit. Every failure is a {@link StreamException}
 * with one line naming the camera (URL passwords masked) and whether retrying soon can help.
 */
final class StreamOpener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamOpener.class);

    /** UDP socket receive buffer: a 1080p keyframe arrives as a burst of hundreds of packets. */
    static final int UDP_BUFFER_BYTES = 4 << 20;
    /**
     * FFmpeg probes a stream for 5 s by default (about 3 s of buffered frames before the first one
     * is returned, seen on RTSP); half a second finds the picture size, and the frame rate is not needed.
     */
    private static final String LIVE_ANALYZE_MICROS = "500000";

    static {
        FfmpegLog.install();
    }

    private StreamOpener() {}

    static FFmpegFrameGrabber openFile(CameraSpec camera) throws StreamException {
        Path path;
        try {
            path = Path.of(camera.url());
        } catch (InvalidPathException e) {
            throw new StreamException("camera " + camera.id() + ": not a valid file path: " + camera.url(), true);
        }
        if (!Files.exists(path)) {
            throw new StreamException("camera " + camera.id() + ": no such video file: " + path, true);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new StreamException("camera " + camera.id() + ": not a readable file: " + path, true);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        // RAW: hand back the decoder's own picture; only kept frames get converted to BGR.
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        FfmpegLog.takeLastError();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new StreamException("camera " + camera.id() + ": not a video FFmpeg can read: " + path
                    + " (" + FfmpegErrors.describe(e.getMessage(), null) + ")", true);
        }
        checkPicture(camera, grabber, path.toString());
        return grabber;
    }

    /** Opens a live stream, failing within about the camera's timeout when nothing answers. */
    static FFmpegFrameGrabber openLive(CameraSpec camera) throws StreamException {
        String url;
        try {
            url = StreamUrls.resolve(camera.url(), System::getenv);
        } catch (IllegalArgumentException e) {
            throw new StreamException("camera " + camera.id() + ": " + e.getMessage(), true);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        String timeoutMicros = Long.toString(camera.timeout().toNanos() / 1000);
        if (camera.isRtsp()) {
            grabber.setOption("rtsp_transport", camera.transport().name().toLowerCase(Locale.ROOT));
            // FFmpeg 8's RTSP demuxer: socket I/O timeout in µs, connect included ("stimeout" is gone).
            grabber.setOption("timeout", timeoutMicros);
            grabber.setOption("allowed_media_types", "video");
            if (camera.transport() == CameraSpec.Transport.UDP) {
                grabber.setOption("buffer_size", Integer.toString(UDP_BUFFER_BYTES));
            }
        } else {
            // HTTP(S): the protocol-level I/O timeout in µs, for connecting and every read.
            grabber.setOption("rw_timeout", timeoutMicros);
        }
        grabber.setOption("analyzeduration", LIVE_ANALYZE_MICROS);
        grabber.setOption("fpsprobesize", "0");
        // Low delay rules out frame threading, which holds back one frame per decoding thread.
        // (fflags=nobuffer is not set: it drops the frames read while probing, seen up to 2 s.)
        grabber.setVideoOption("flags", "low_delay");
        FfmpegLog.takeLastError();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            String reason = FfmpegErrors.describe(e.getMessage(), FfmpegLog.takeLastError());
            throw new StreamException("camera " + camera.id() + ": cannot open " + camera.maskedUrl() + ": "
                    + reason.replace(url, camera.maskedUrl()), FfmpegErrors.isPermanent(e.getMessage()));
        }
        checkPicture(camera, grabber, camera.maskedUrl());
        return grabber;
    }

    private static void checkPicture(CameraSpec camera, FFmpegFrameGrabber grabber, String shownSource)
            throws StreamException {
        int width = grabber.getImageWidth();
        int height = grabber.getImageHeight();
        if (!grabber.hasVideo() || width <= 0 || height <= 0) {
            closeQuietly(grabber);
            throw new StreamException("camera " + camera.id() + ": no video stream in " + shownSource, true);
        }
        if (camera.roi() != null && !camera.roi().fitsIn(width, height)) {
            closeQuietly(grabber);
            throw new StreamException("camera " + camera.id() + ": region of interest " + camera.roi()
                    + " does not fit its " + width + "x" + height + " picture", true);
        }
    }

    static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("closing a video grabber failed: {}", StreamUrls.mask(e.getMessage()));
        }
    }
}
