package io.lpr.decode;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DECODER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DEMUXER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_BAD_REQUEST;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_OTHER_4XX;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_SERVER_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_PROTOCOL_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_STREAM_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.StreamUrls;
import io.lpr.event.Frame;
import io.lpr.status.CameraMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one camera's video, keeping only the frames its sample rate asks for. Every source
 * frame is decoded (inter-frame video needs that) and numbered, but only kept frames are
 * converted to BGR, cropped and resized, which is where most of the per-frame cost is.
 *
 * <p>Event time of a file frame = the camera's base epoch + the frame's timestamp in the file
 * (when the spec has no base, only possible outside {@code CameraSource}, the time of opening).
 * A live frame takes its time from the stream clock (its RTP / container timestamps, anchored to
 * the arrival of the first frame) while that clock is sane: moving forward and within
 * {@link #CLOCK_TOLERANCE_MILLIS} of the arrival time. Otherwise the frame gets its arrival time
 * and the clock is anchored afresh there, so a camera whose clock jumps is back on its own clock
 * from the next frame. Event times of one camera always increase, across reconnects too.
 *
 * <p>A live stream that ends (FFmpeg reports a server that went away as a normal end of stream)
 * or stays silent for the camera's timeout ends this decoder with a reason; the caller
 * reconnects. Not thread-safe: one thread decodes one camera.
 */
public final class VideoDecoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoDecoder.class);

    /** A run of this many failed frames means the stream is broken beyond single bad frames. */
    static final int MAX_CONSECUTIVE_ERRORS = 50;
    /** How far a live frame's stream clock may stray from its arrival time and still be trusted. */
    static final long CLOCK_TOLERANCE_MILLIS = 10_000;
    /** UDP socket receive buffer: a 1080p keyframe arrives as a burst of hundreds of packets. */
    static final int UDP_BUFFER_BYTES = 4 << 20;
    /** Timestamps this close below a sampling slot boundary count as on it (rounding in the container). */
    private static final long SLOT_TOLERANCE_MICROS = 1000;
    /**
     * FFmpeg probes a stream for 5 s by default (about 3 s of buffered frames before the first one
     * is returned, seen on RTSP); half a second finds the picture size, and the frame rate is not needed.
     */
    private static final String LIVE_ANALYZE_MICROS = "500000";

    private static final Pattern FFMPEG_ERROR = Pattern.compile("error (-?\\d+)");
    private static final Set<Integer> PERMANENT_ERRORS = Set.of(AVERROR_HTTP_BAD_REQUEST, AVERROR_HTTP_UNAUTHORIZED,
            AVERROR_HTTP_FORBIDDEN, AVERROR_HTTP_NOT_FOUND, AVERROR_HTTP_OTHER_4XX, AVERROR_INVALIDDATA,
            AVERROR_PROTOCOL_NOT_FOUND, AVERROR_DEMUXER_NOT_FOUND, AVERROR_DECODER_NOT_FOUND,
            AVERROR_STREAM_NOT_FOUND, -22 /* EINVAL: a URL FFmpeg cannot parse */);
    /** Codes whose text says too little without FFmpeg's own line, e.g. the 454 behind "4XX". */
    private static final Set<Integer> VAGUE_ERRORS = Set.of(AVERROR_HTTP_OTHER_4XX, AVERROR_HTTP_SERVER_ERROR);

    static {
        FfmpegLog.install();
    }

    private final CameraSpec camera;
    private final FFmpegFrameGrabber grabber;
    private final CameraMetrics metrics;
    private final boolean live;
    private final long baseEpochMillis;
    private final long resumeAfterSequence;
    private final long frameIntervalMicros;
    private FrameConverter converter;
    private long nextSequence;
    private long lastTimestamp = Long.MIN_VALUE;
    private long lastKeptSlot = Long.MIN_VALUE;
    private long samplingOrigin = Long.MIN_VALUE;
    /** Live: epoch milliseconds of stream time 0, or MIN_VALUE before the first frame. */
    private long clockAnchor = Long.MIN_VALUE;
    private long lastEventTime;
    private int consecutiveErrors;
    private boolean endOfStream;
    private String endReason;

    private VideoDecoder(CameraSpec camera, FFmpegFrameGrabber grabber, long resumeAfterSequence,
            long lastEventTime, CameraMetrics metrics) {
        this.camera = camera;
        this.grabber = grabber;
        this.metrics = metrics;
        this.live = camera.isLive();
        this.resumeAfterSequence = resumeAfterSequence;
        // A live stream has no frames before the resume point: numbering just goes on from it.
        this.nextSequence = live ? resumeAfterSequence + 1 : 0;
        this.lastEventTime = lastEventTime;
        this.baseEpochMillis = camera.hasBaseEpochMillis() ? camera.baseEpochMillis() : System.currentTimeMillis();
        double fps = grabber.getFrameRate();
        // Live streams probed briefly report their 90 kHz clock as the frame rate.
        this.frameIntervalMicros = fps > 0 && fps <= 1000 ? Math.round(1_000_000 / fps) : 40_000;
    }

    /**
     * Opens the camera's video file or live stream.
     *
     * @param resumeAfterSequence the last frame already emitted (its sequence number), or
     *     {@code CameraSplit#NONE_EMITTED}. A file decodes frames up to it again without returning
     *     them, so sampling picks the same frames it picked before; a live stream numbers its
     *     frames on from it.
     * @throws IOException with a one-line message naming the camera (URL passwords masked), when
     *     the file or stream is missing, unreadable, refused or holds no video
     */
    public static VideoDecoder open(CameraSpec camera, long resumeAfterSequence, CameraMetrics metrics)
            throws IOException {
        return camera.isFile() ? openFile(camera, resumeAfterSequence, metrics)
                : openLive(camera, resumeAfterSequence, Long.MIN_VALUE, metrics);
    }

    private static VideoDecoder openFile(CameraSpec camera, long resumeAfterSequence, CameraMetrics metrics)
            throws StreamException {
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
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new StreamException("camera " + camera.id() + ": not a video FFmpeg can read: " + path
                    + " (" + describe(e, false) + ")", true);
        }
        checkPicture(camera, grabber, path.toString());
        return new VideoDecoder(camera, grabber, resumeAfterSequence, Long.MIN_VALUE, metrics);
    }

    /**
     * Opens a live stream, failing within about the camera's timeout when nothing answers.
     *
     * @param lastSequence the last frame number used: this stream's frames are numbered after it
     * @param lastEventTime the event time of the camera's last frame, or MIN_VALUE: this
     *     stream's frames come after it
     * @throws StreamException with a one-line reason, telling whether retrying soon can help
     */
    public static VideoDecoder openLive(CameraSpec camera, long lastSequence, long lastEventTime, CameraMetrics metrics)
            throws StreamException {
        String url;
        try {
            url = StreamUrls.resolve(camera.url(), System::getenv);
        } catch (IllegalArgumentException e) {
            throw new StreamException("camera " + camera.id() + ": " + e.getMessage(), true);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        String timeoutMicros = Long.toString(camera.timeoutMillis() * 1000);
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
            String reason = describe(e, true);
            throw new StreamException("camera " + camera.id() + ": cannot open " + camera.maskedUrl() + ": "
                    + reason.replace(url, camera.maskedUrl()), isPermanent(e));
        }
        checkPicture(camera, grabber, camera.maskedUrl());
        return new VideoDecoder(camera, grabber, lastSequence, lastEventTime, metrics);
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

    /**
     * Decodes the next source frame.
     *
     * @return it, when sampling keeps it (and it comes after the resume point); null when it was
     *     skipped, could not be decoded, or the stream has ended ({@link #isEndOfStream()})
     */
    public Frame poll() {
        Picture picture = grab();
        if (picture == null) {
            return null;
        }
        try (picture) {
            if (converter == null) {
                converter = new FrameConverter(camera);
            }
            Frame frame = converter.convert(picture);
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

    /**
     * Decodes the next source frame without converting it.
     *
     * @return a new reference to it (the caller closes it) when sampling keeps it, else null
     */
    public Picture grab() {
        if (endOfStream) {
            return null;
        }
        long started = System.nanoTime();
        org.bytedeco.javacv.Frame grabbed;
        try {
            grabbed = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            failed(e);
            return null;
        }
        if (grabbed == null) {
            endOfStream = true;
            // JavaCV reports read errors (a timeout too) as the end of the stream; the wait tells them apart.
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            endReason = waitedMillis >= camera.timeoutMillis() * 9 / 10
                    ? "no data for " + waitedMillis / 1000.0 + " s (read timeout)"
                    : "the stream ended (the server closed it)";
            return null;
        }
        consecutiveErrors = 0;
        long sequence = nextSequence++;
        metrics.frameDecoded();
        long timestamp = monotonic(grabbed.timestamp);
        long eventTime = live ? liveEventTime(timestamp) : baseEpochMillis + Math.floorDiv(timestamp, 1000);
        // Live sampling follows event time, which, unlike stream time, goes on across reconnects.
        if (!sampled(live ? eventTime * 1000 : timestamp) || sequence <= resumeAfterSequence) {
            return null;
        }
        return new Picture((AVFrame) grabbed.opaque, sequence, eventTime);
    }

    public boolean isEndOfStream() {
        return endOfStream;
    }

    /** Why the stream ended, for a live stream or after undecodable frames; null otherwise. */
    public String endReason() {
        return endReason;
    }

    /** The number of the last frame decoded, or the resume point before any. */
    public long lastSequence() {
        return nextSequence - 1;
    }

    /** The event time of the last live frame decoded, or what the decoder was opened with. */
    public long lastEventTime() {
        return lastEventTime;
    }

    public CameraSpec camera() {
        return camera;
    }

    public CameraMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (converter != null) {
            converter.close();
            converter = null;
        }
        closeQuietly(grabber);
    }

    private void failed(Exception e) {
        metrics.decodeError();
        if (metrics.decodeErrors() == 1) {
            LOG.warn("camera {}: skipping a frame that cannot be decoded after frame #{}: {}",
                    camera.id(), nextSequence - 1, StreamUrls.mask(firstLine(e.getMessage())));
        }
        if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
            endReason = consecutiveErrors + " undecodable frames in a row at frame #" + nextSequence;
            if (!live) {
                LOG.warn("camera {}: stopping after {}", camera.id(), endReason);
            }
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

    private long liveEventTime(long timestampMicros) {
        long arrival = System.currentTimeMillis();
        long streamMillis = Math.floorDiv(timestampMicros, 1000);
        if (clockAnchor == Long.MIN_VALUE) {
            clockAnchor = arrival - streamMillis;
        }
        long eventTime = clockAnchor + streamMillis;
        if (eventTime <= lastEventTime || Math.abs(eventTime - arrival) > CLOCK_TOLERANCE_MILLIS) {
            LOG.debug("camera {}: stream clock off by {} ms, anchoring it at the arrival time",
                    camera.id(), eventTime - arrival);
            eventTime = lastEventTime == Long.MIN_VALUE ? arrival : Math.max(arrival, lastEventTime + 1);
            clockAnchor = eventTime - streamMillis;
        }
        lastEventTime = eventTime;
        return eventTime;
    }

    /**
     * Keeps the first frame of each 1/sampleFps slot of the sampling clock, counted from the first
     * frame, so the first frame is kept and the next one 1/sampleFps after it.
     */
    private boolean sampled(long clockMicros) {
        if (camera.sampleFps() == 0) {
            return true;
        }
        if (samplingOrigin == Long.MIN_VALUE) {
            samplingOrigin = clockMicros;
        }
        long slot = (long) Math.floor(
                (clockMicros - samplingOrigin + SLOT_TOLERANCE_MICROS) * camera.sampleFps() / 1e6);
        if (slot <= lastKeptSlot) {
            return false;
        }
        lastKeptSlot = slot;
        return true;
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("closing a video grabber failed: {}", StreamUrls.mask(e.getMessage()));
        }
    }

    private static boolean isPermanent(FrameGrabber.Exception e) {
        Integer code = errorCode(e);
        return code != null && PERMANENT_ERRORS.contains(code);
    }

    private static Integer errorCode(FrameGrabber.Exception e) {
        Matcher code = FFMPEG_ERROR.matcher(firstLine(e.getMessage()));
        try {
            return code.find() ? Integer.valueOf(code.group(1)) : null;
        } catch (NumberFormatException notAnErrorCode) {
            return null;
        }
    }

    /**
     * FFmpeg's own words for the error code in a grabber message, e.g. "Server returned 404 Not
     * Found", with FFmpeg's last logged error where the code alone says too little.
     */
    private static String describe(FrameGrabber.Exception e, boolean withLoggedError) {
        String loggedError = FfmpegLog.takeLastError();
        String message = firstLine(e.getMessage());
        Integer code = errorCode(e);
        if (code == null) {
            return withLoggedError && loggedError != null ? loggedError : message;
        }
        byte[] text = new byte[256];
        if (av_strerror(code, text, text.length) < 0) {
            return message;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        String described = new String(text, 0, end, StandardCharsets.UTF_8);
        return withLoggedError && loggedError != null && VAGUE_ERRORS.contains(code)
                ? described + " (" + loggedError + ")" : described;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
