package io.lpr.source.reader;

import io.lpr.camera.StreamUrls;
import io.lpr.decode.FrameConverter;
import io.lpr.decode.Picture;
import io.lpr.decode.VideoDecoder;
import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsRemoval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one camera on its fetcher's own thread ({@link CameraFetcherManager} gives every camera a
 * fetcher), one analysed frame per fetch; nothing here fails the job or holds up another camera.
 *
 * <p>A file is decoded right here, so a slow job holds it back (files are never dropped); one
 * that cannot be opened is logged in one line and finished. A live stream is decoded on its own
 * {@link LiveStream} thread, which reconnects with backoff and keeps only the newest picture:
 * each fetch converts that one, so a slow job makes it drop frames, not fall behind.
 *
 * <p>Each change of the camera's state goes to its {@link CameraReports} (the reader forwards it
 * to the enumerator), and so does the reason its split finishes for. A camera can be
 * {@link #stop() stopped} from another thread.
 */
final class CameraSplitReader implements SplitReader<Frame, CameraSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSplitReader.class);
    /** How long a paused camera waits per fetch before the fetcher checks for new tasks. */
    private static final long PAUSED_WAIT_MS = 100;
    /** The longest a fetch waits for a live picture before it lets the fetcher check for tasks. */
    private static final long LIVE_WAIT_MS = 1000;

    private final CameraReports reports;
    /** Guards the flags below, and is what waits are done on. */
    private final Object lock = new Object();
    private boolean wokenUp;
    private boolean paused;
    private boolean stopRequested;
    private boolean pictureSignalled;
    private boolean statusSignalled;

    private CameraSplit split;
    private CameraMetrics metrics;
    /** File cameras. */
    private VideoDecoder decoder;
    /** A decoded frame held back until its time has come (realtime playback). */
    private Frame due;
    private long realtimeStartWall = -1;
    private long realtimeStartEvent;
    /** Live cameras. */
    private LiveStream live;
    private StreamListener liveListener;
    private FrameConverter converter;

    CameraSplitReader(CameraReports reports) {
        this.reports = reports;
    }

    @Override
    public RecordsWithSplitIds<Frame> fetch() {
        boolean stop;
        synchronized (lock) {
            wokenUp = false;
            stop = stopRequested;
            stopRequested = false;
        }
        if (split == null) {
            return nothing();
        }
        if (stop) {
            LOG.info("camera {}: stopped", split.splitId());
            return finished("stopped");
        }
        if (isPaused()) {
            await(System.currentTimeMillis() + PAUSED_WAIT_MS);
            return nothing();
        }
        return split.camera().isLive() ? fetchLive() : fetchFile();
    }

    private RecordsWithSplitIds<Frame> fetchFile() {
        if (decoder == null) {
            report(CameraState.CONNECTING, null);
            try {
                decoder = VideoDecoder.open(split.camera(), split.lastEmittedSequence(), metrics);
            } catch (IOException e) {
                LOG.error("{}; this camera stops, the others go on", e.getMessage());
                report(CameraState.FAILED, e.getMessage());
                return finished(e.getMessage());
            }
            report(CameraState.CONNECTED, null);
        }
        while (due == null && !isWokenUp()) {
            due = decoder.poll();
            if (due == null && decoder.isEndOfStream()) {
                String end = "end of video after " + metrics.framesDecoded() + " frames (" + metrics.framesAnalysed()
                        + " analysed, " + metrics.decodeErrors() + " undecodable)";
                LOG.info("camera {}: {}", split.splitId(), end);
                return finished(decoder.endReason() == null ? end : decoder.endReason());
            }
        }
        if (due == null || (split.camera().realtime() && !awaitDue(due))) {
            return nothing();
        }
        Frame frame = due;
        due = null;
        return handOn(frame);
    }

    private RecordsWithSplitIds<Frame> fetchLive() {
        if (live == null) {
            converter = new FrameConverter(split.camera());
            liveListener = new StreamListener(split.camera().id());
            live = new LiveStream(split.camera(), split.lastEmittedSequence(), metrics, liveListener);
            live.start();
        }
        long until = System.currentTimeMillis() + LIVE_WAIT_MS;
        do {
            Picture picture = live.takeNewest();
            if (picture != null) {
                return convert(picture);
            }
        } while (awaitPicture(until));
        return nothing();
    }

    private RecordsWithSplitIds<Frame> convert(Picture picture) {
        try (picture) {
            Frame frame = converter.convert(picture);
            metrics.frameAnalysed();
            return handOn(frame);
        } catch (RuntimeException e) {
            metrics.decodeError();
            if (metrics.decodeErrors() == 1) {
                LOG.warn("camera {}: skipping a frame that cannot be converted: {}", split.splitId(),
                        StreamUrls.mask(e.getMessage()));
            }
            return nothing();
        }
    }

    private RecordsWithSplitIds<Frame> handOn(Frame frame) {
        metrics.handedOn(frame.eventTime);
        return new RecordsBySplits<>(Map.of(split.splitId(), List.of(frame)), Set.of());
    }

    @Override
    public void handleSplitsChanges(SplitsChange<CameraSplit> change) {
        if (change instanceof SplitsAddition) {
            for (CameraSplit added : change.splits()) {
                if (split != null) {
                    throw new IllegalStateException("a camera split reader reads one camera, got "
                            + added.splitId() + " while reading " + split.splitId());
                }
                split = added;
                metrics = reports.metrics(added.splitId());
            }
        } else if (change instanceof SplitsRemoval) {
            // Not sent by CameraFetcherManager, which stops cameras through stop().
            for (CameraSplit removed : change.splits()) {
                if (split != null && split.splitId().equals(removed.splitId())) {
                    closeCamera();
                    split = null;
                }
            }
        }
    }

    /**
     * Stops the camera from any thread: its next fetch closes it and reports its split finished,
     * so the reader forgets it (a removed or disabled camera).
     */
    void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    @Override
    public void pauseOrResumeSplits(Collection<CameraSplit> toPause, Collection<CameraSplit> toResume) {
        synchronized (lock) {
            if (split != null) {
                if (toPause.stream().anyMatch(s -> s.splitId().equals(split.splitId()))) {
                    paused = true;
                }
                if (toResume.stream().anyMatch(s -> s.splitId().equals(split.splitId()))) {
                    paused = false;
                }
            }
            lock.notifyAll();
        }
    }

    @Override
    public void wakeUp() {
        synchronized (lock) {
            wokenUp = true;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        closeCamera();
        split = null;
    }

    private void report(CameraState state, String reason) {
        reports.changed(split.splitId(), state, reason, System.currentTimeMillis());
    }

    /** Waits until the frame's place in the video's own timeline; false when woken up first. */
    private boolean awaitDue(Frame frame) {
        if (realtimeStartWall < 0) {
            realtimeStartWall = System.currentTimeMillis();
            realtimeStartEvent = frame.eventTime;
        }
        return await(realtimeStartWall + (frame.eventTime - realtimeStartEvent));
    }

    /** Sleeps until the wall-clock time {@code until}; false when woken up before. */
    private boolean await(long until) {
        synchronized (lock) {
            try {
                for (long left = until - System.currentTimeMillis(); left > 0 && !wokenUp && !stopRequested;
                        left = until - System.currentTimeMillis()) {
                    lock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !wokenUp && !stopRequested;
        }
    }

    /**
     * Waits for the live stream's next picture until {@code until}.
     *
     * @return true when a picture came; false on timeout, wake-up, stop, or a change of state
     *     (the fetch then returns, so the reader forwards the change without delay)
     */
    private boolean awaitPicture(long until) {
        synchronized (lock) {
            try {
                for (long left = until - System.currentTimeMillis();
                        left > 0 && !pictureSignalled && !statusSignalled && !wokenUp && !stopRequested;
                        left = until - System.currentTimeMillis()) {
                    lock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            boolean picture = pictureSignalled && !statusSignalled && !wokenUp && !stopRequested;
            pictureSignalled = false;
            statusSignalled = false;
            return picture;
        }
    }

    private boolean isWokenUp() {
        synchronized (lock) {
            return wokenUp;
        }
    }

    private boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Closes the camera and reports its split finished, for {@code reason}. */
    private RecordsWithSplitIds<Frame> finished(String reason) {
        String id = split.splitId();
        reports.ending(id, reason);
        closeCamera();
        split = null;
        return new RecordsBySplits<>(Map.of(), Set.of(id));
    }

    private RecordsWithSplitIds<Frame> nothing() {
        return new RecordsBySplits<>(Map.of(), Set.of());
    }

    /** Releases the camera's decoding. */
    private void closeCamera() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        if (live != null) {
            liveListener.active = false;
            live.close();
            live = null;
            converter.close();
            converter = null;
        }
        due = null;
        realtimeStartWall = -1;
    }

    /** Passes a live stream's news on until its camera is closed; a closing stream's last words are dropped. */
    private final class StreamListener implements LiveStream.Listener {
        private final String cameraId;
        private volatile boolean active = true;

        StreamListener(String cameraId) {
            this.cameraId = cameraId;
        }

        @Override
        public void pictureReady() {
            synchronized (lock) {
                pictureSignalled = true;
                lock.notifyAll();
            }
        }

        @Override
        public void stateChanged(CameraState state, String reason, long sinceMillis) {
            if (!active) {
                return;
            }
            reports.changed(cameraId, state, reason, sinceMillis);
            synchronized (lock) {
                statusSignalled = true;
                lock.notifyAll();
            }
        }
    }
}
