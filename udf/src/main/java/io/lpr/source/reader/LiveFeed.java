package io.lpr.source.reader;

import io.lpr.camera.StreamUrls;
import io.lpr.decode.FrameConverter;
import io.lpr.decode.Picture;
import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live stream, decoded on its own {@link LiveStream} thread, which reconnects with backoff and keeps only the
 * newest picture: each poll converts that one, so a slow job makes it drop frames, not fall behind.
 */
final class LiveFeed implements CameraFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    /** The longest a poll waits for a live picture before it lets the fetcher check for tasks. */
    private static final long WAIT_MS = 1000;

    private final CameraSplit split;
    private final CameraMetrics metrics;
    private final ReaderSignals signals;
    private final FrameConverter converter;
    private final Listener listener;
    private final LiveStream stream;

    LiveFeed(CameraSplit split, CameraMetrics metrics, CameraReports reports, ReaderSignals signals) {
        this.split = split;
        this.metrics = metrics;
        this.signals = signals;
        this.converter = new FrameConverter(split.camera());
        this.listener = new Listener(split.splitId(), reports, signals);
        this.stream = new LiveStream(split.camera(), split.lastEmittedSequence(), metrics, listener);
        stream.start();
    }

    @Override
    public Frame poll() {
        long until = System.currentTimeMillis() + WAIT_MS;
        do {
            Picture picture = stream.takeNewest();
            if (picture != null) {
                return convert(picture);
            }
        } while (signals.awaitPicture(until));
        return null;
    }

    /** A live stream does not end by itself: it reconnects until the camera is stopped. */
    @Override
    public String endReason() {
        return null;
    }

    private Frame convert(Picture picture) {
        try (picture) {
            Frame frame = converter.convert(picture);
            metrics.frameAnalysed();
            return frame;
        } catch (RuntimeException e) {
            metrics.decodeError();
            if (metrics.decodeErrors() == 1) {
                LOG.warn("camera {}: skipping a frame that cannot be converted: {}", split.splitId(),
                        StreamUrls.mask(e.getMessage()));
            }
            return null;
        }
    }

    @Override
    public void close() {
        listener.active = false;
        stream.close();
        converter.close();
    }

    /** Passes a live stream's news on until its camera is closed; a closing stream's last words are dropped. */
    private static final class Listener implements LiveStream.Listener {
        private final String cameraId;
        private final CameraReports reports;
        private final ReaderSignals signals;
        private volatile boolean active = true;

        Listener(String cameraId, CameraReports reports, ReaderSignals signals) {
            this.cameraId = cameraId;
            this.reports = reports;
            this.signals = signals;
        }

        @Override
        public void pictureReady() {
            signals.pictureReady();
        }

        @Override
        public void stateChanged(CameraState state, String reason, long sinceMillis) {
            if (!active) {
                return;
            }
            reports.changed(cameraId, state, reason, sinceMillis);
            signals.statusChanged();
        }
    }
}
