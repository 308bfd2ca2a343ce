package io.lpr.source;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import io.lpr.event.Frame;
import io.lpr.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one camera's video into {@link Frame}s, keeping only the frames its sample rate asks
 * for. Every source frame is decoded (inter-frame video needs that) and numbered, but only kept
 * frames are converted to BGR, resized and copied, which is where most of the per-frame cost is.
 *
 * <p>Event time = the camera's base epoch + the frame's stream timestamp. When the spec has no
 * base (only possible outside {@link CameraSource}), the time of opening is used.
 *
 * <p>Not thread-safe: one thread decodes one camera.
 */
public final class VideoDecoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoDecoder.class);

    /** A run of this many failed frames means the stream is broken beyond single bad frames. */
    static final int MAX_CONSECUTIVE_ERRORS = 50;
    /** Timestamps this close below a sampling slot boundary count as on it (rounding in the container). */
    private static final long SLOT_TOLERANCE_MICROS = 1000;

    private static final Pattern FFMPEG_ERROR = Pattern.compile("error (-?\\d+)");

    static {
        // FFmpeg's own messages go to the job's logs (through JavaCPP's logger), errors only:
        // its per-file stream dumps would flood them.
        FFmpegLogCallback.setLevel(AV_LOG_ERROR);
        FFmpegLogCallback.set();
    }

    private final CameraSpec camera;
    private final FFmpegFrameGrabber grabber;
    private final CameraMetrics metrics;
    private final long baseEpochMillis;
    private final long resumeAfterSequence;
    private final long frameIntervalMicros;
    private SwsContext toBgr;
    private long nextSequence;
    private long lastTimestamp = Long.MIN_VALUE;
    private long lastKeptSlot = Long.MIN_VALUE;
    private int consecutiveErrors;
    private boolean endOfStream;

    private VideoDecoder(
            CameraSpec camera, FFmpegFrameGrabber grabber, long resumeAfterSequence, CameraMetrics metrics) {
        this.camera = camera;
        this.grabber = grabber;
        this.metrics = metrics;
        this.resumeAfterSequence = resumeAfterSequence;
        this.baseEpochMillis = camera.hasBaseEpochMillis() ? camera.baseEpochMillis() : System.currentTimeMillis();
        double fps = grabber.getFrameRate();
        this.frameIntervalMicros = fps > 0 && Double.isFinite(fps) ? Math.round(1_000_000 / fps) : 40_000;
    }

    /**
     * Opens the camera's video file.
     *
     * @param resumeAfterSequence the last frame already emitted (its sequence number), or
     *     {@link CameraSplit#NONE_EMITTED}: frames up to it are decoded again but not returned, so
     *     sampling picks the same frames it picked before
     * @throws IOException with a one-line message naming the camera, when the file is missing,
     *     unreadable or holds no video
     */
    public static VideoDecoder open(CameraSpec camera, long resumeAfterSequence, CameraMetrics metrics)
            throws IOException {
        Path path;
        try {
            path = Path.of(camera.url());
        } catch (InvalidPathException e) {
            throw new IOException("camera " + camera.id() + ": not a valid file path: " + camera.url(), e);
        }
        if (!Files.exists(path)) {
            throw new IOException("camera " + camera.id() + ": no such video file: " + path);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IOException("camera " + camera.id() + ": not a readable file: " + path);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        // RAW: hand back the decoder's own picture; only kept frames get converted to BGR (toFrame).
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new IOException("camera " + camera.id() + ": not a video FFmpeg can read: " + path
                    + " (" + describe(e) + ")", e);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new IOException("camera " + camera.id() + ": no video stream in " + path);
        }
        return new VideoDecoder(camera, grabber, resumeAfterSequence, metrics);
    }

    /**
     * Decodes the next source frame.
     *
     * @return it, when sampling keeps it (and it comes after the resume point); null when it was
     *     skipped, could not be decoded, or the stream has ended ({@link #isEndOfStream()})
     */
    public Frame poll() {
        if (endOfStream) {
            return null;
        }
        org.bytedeco.javacv.Frame grabbed;
        try {
            grabbed = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            failed(e);
            return null;
        }
        if (grabbed == null) {
            endOfStream = true;
            return null;
        }
        consecutiveErrors = 0;
        long sequence = nextSequence++;
        metrics.frameDecoded();
        long timestamp = monotonic(grabbed.timestamp);
        if (!sampled(timestamp) || sequence <= resumeAfterSequence) {
            return null;
        }
        try {
            Frame frame = toFrame((AVFrame) grabbed.opaque, sequence, timestamp);
            metrics.frameAnalysed();
            return frame;
        } catch (RuntimeException e) {
            failed(e);
            return null;
        }
    }

    /** The next kept frame, or null at the end of the stream. */
    public Frame next() {
        while (!endOfStream) {
            Frame frame = poll();
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    public boolean isEndOfStream() {
        return endOfStream;
    }

    public CameraSpec camera() {
        return camera;
    }

    public CameraMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (toBgr != null) {
            sws_freeContext(toBgr);
            toBgr = null;
        }
        closeQuietly(grabber);
    }

    private void failed(Exception e) {
        metrics.decodeError();
        if (metrics.decodeErrors() == 1) {
            LOG.warn("camera {}: skipping a frame that cannot be decoded after frame #{}: {}",
                    camera.id(), nextSequence - 1, firstLine(e.getMessage()));
        }
        if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
            LOG.warn("camera {}: stopping after {} undecodable frames in a row at frame #{}",
                    camera.id(), consecutiveErrors, nextSequence);
            endOfStream = true;
        }
    }

    /** Broken files can repeat or lack timestamps; event time must still move forward. */
    private long monotonic(long timestamp) {
        if (lastTimestamp != Long.MIN_VALUE && timestamp <= lastTimestamp) {
            timestamp = lastTimestamp + frameIntervalMicros;
        }
        lastTimestamp = timestamp;
        return timestamp;
    }

    /** Keeps the first frame of each 1/sampleFps slot of stream time. */
    private boolean sampled(long timestampMicros) {
        if (camera.sampleFps() == 0) {
            return true;
        }
        long slot = (long) Math.floor((timestampMicros + SLOT_TOLERANCE_MICROS) * camera.sampleFps() / 1e6);
        if (slot <= lastKeptSlot) {
            return false;
        }
        lastKeptSlot = slot;
        return true;
    }

    private Frame toFrame(AVFrame picture, long sequence, long timestampMicros) {
        int width = picture.width();
        int height = picture.height();
        toBgr = sws_getCachedContext(toBgr, width, height, picture.format(), width, height, AV_PIX_FMT_BGR24,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (toBgr == null) {
            throw new IllegalStateException("no conversion from FFmpeg pixel format " + picture.format() + " to BGR");
        }
        byte[] pixels;
        try (Mat bgr = new Mat(height, width, CV_8UC3);
                // swscale reads four plane pointers and strides; packed BGR uses the first.
                PointerPointer<?> planes = new PointerPointer<>(4).put(0, bgr.data());
                IntPointer strides = new IntPointer(new int[] {(int) bgr.step(), 0, 0, 0})) {
            sws_scale(toBgr, picture.data(), picture.linesize(), 0, height, planes, strides);
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
        long eventTime = baseEpochMillis + Math.floorDiv(timestampMicros, 1000);
        return new Frame(camera.id(), eventTime, sequence, width, height, pixels);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("closing a video grabber failed", e);
        }
    }

    /** FFmpeg's own words for the error code in a grabber message, e.g. "Invalid data found when processing input". */
    private static String describe(FrameGrabber.Exception e) {
        String message = firstLine(e.getMessage());
        Matcher code = FFMPEG_ERROR.matcher(message);
        if (!code.find()) {
            return message;
        }
        byte[] text = new byte[256];
        try {
            if (av_strerror(Integer.parseInt(code.group(1)), text, text.length) < 0) {
                return message;
            }
        } catch (NumberFormatException notAnErrorCode) {
            return message;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
