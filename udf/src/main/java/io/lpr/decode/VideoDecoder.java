package io.lpr.decode;

import io.lpr.util.Messages;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.StreamUrls;
import io.lpr.event.Frame;
import io.lpr.status.CameraMetrics;
import java.io.IOException;
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
 * <p>Event time comes from a {@link FrameClock} (for a file the recording's start, {@link FileClock}, plus
 * the frame's offset into the video: the same on every run), which frames are kept from a
 * {@link FrameSampler}; opening is {@link StreamOpener}'s.
 *
 * <p>A live stream that ends (FFmpeg reports a server that went away as a normal end of stream)
 * or stays silent for the camera's timeout ends this decoder with a reason; the caller
 * reconnects. Not thread-safe: one thread decodes one camera.
 */
public final class VideoDecoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoDecoder.class);

    /** A run of this many failed frames means the stream is broken beyond single bad frames. */
    static final int MAX_CONSECUTIVE_ERRORS = 50;

    private final CameraSpec camera;
    private final FFmpegFrameGrabber grabber;
    private final CameraMetrics metrics;
    private final long resumeAfterSequence;
    private final FrameClock clock;
    private final FrameSampler sampler;
    private FrameConverter converter;
    private long nextSequence;
    private int consecutiveErrors;
    private boolean endOfStream;
    private String endReason;

    private VideoDecoder(CameraSpec camera, FFmpegFrameGrabber grabber, long resumeAfterSequence,
            long lastEventTime, CameraMetrics metrics) {
        this.camera = camera;
        this.grabber = grabber;
        this.metrics = metrics;
        this.resumeAfterSequence = resumeAfterSequence;
        // A live stream has no frames before the resume point: numbering just goes on from it.
        this.nextSequence = camera.isLive() ? resumeAfterSequence + 1 : 0;
        this.clock = camera.isLive() ? FrameClock.live(grabber.getFrameRate(), lastEventTime)
                : FrameClock.file(FileClock.startMillis(camera, grabber), grabber.getFrameRate());
        this.sampler = new FrameSampler(camera.sampleFps());
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
        return new VideoDecoder(camera, StreamOpener.openFile(camera), resumeAfterSequence, Long.MIN_VALUE, metrics);
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
        return new VideoDecoder(camera, StreamOpener.openLive(camera), lastSequence, lastEventTime, metrics);
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
            if (camera.isLive()) {
                // JavaCV reports read errors (a timeout too) as the end of the stream; the wait tells them apart.
                long waitedMillis = (System.nanoTime() - started) / 1_000_000;
                endReason = waitedMillis >= camera.timeout().toMillis() * 9 / 10
                        ? "no data for " + waitedMillis / 1000.0 + " s (read timeout)"
                        : "the stream ended (the server closed it)";
            }
            return null;
        }
        consecutiveErrors = 0;
        long sequence = nextSequence++;
        metrics.frameDecoded();
        long eventTime = clock.eventTime(grabbed.timestamp, System.currentTimeMillis());
        if (clock.reanchored()) {
            LOG.debug("camera {}: stream clock off, anchored afresh at the arrival time", camera.id());
        }
        if (!sampler.keep(clock.samplingMicros()) || sequence <= resumeAfterSequence) {
            return null;
        }
        return new Picture((AVFrame) grabbed.opaque, sequence, eventTime, clock.offsetMillis());
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
        return clock.lastEventTime();
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
        StreamOpener.closeQuietly(grabber);
    }

    private void failed(Exception e) {
        metrics.decodeError();
        if (metrics.decodeErrors() == 1) {
            LOG.warn("camera {}: skipping a frame that cannot be decoded after frame #{}: {}",
                    camera.id(), nextSequence - 1, StreamUrls.mask(Messages.firstLine(e.getMessage())));
        }
        if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
            endReason = consecutiveErrors + " undecodable frames in a row at frame #" + nextSequence;
            if (!camera.isLive()) {
                LOG.warn("camera {}: stopping after {}", camera.id(), endReason);
            }
            endOfStream = true;
        }
    }
}
