package io.lpr.source;

import io.lpr.event.Frame;
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
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one camera on its fetcher's own thread ({@link CameraFetcherManager} gives every camera a
 * fetcher), one analysed frame per fetch. A camera whose file cannot be opened is logged in one
 * line and finished; it never fails the job or holds up other cameras.
 *
 * <p>Live cameras would reconnect with backoff here, in {@link #fetch()}, instead of finishing.
 */
final class CameraSplitReader implements SplitReader<Frame, CameraSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSplitReader.class);
    /** How long a paused camera waits per fetch before the fetcher checks for new tasks. */
    private static final long PAUSED_WAIT_MS = 100;

    private final MetricGroup metricGroup;
    /** Guards {@link #wokenUp} and {@link #paused}, and is what waits are done on. */
    private final Object lock = new Object();
    private boolean wokenUp;
    private boolean paused;

    private CameraSplit split;
    private CameraMetrics metrics;
    private VideoDecoder decoder;
    /** A decoded frame held back until its time has come (realtime playback). */
    private Frame due;
    private long realtimeStartWall = -1;
    private long realtimeStartEvent;

    CameraSplitReader(MetricGroup metricGroup) {
        this.metricGroup = metricGroup;
    }

    @Override
    public RecordsWithSplitIds<Frame> fetch() {
        synchronized (lock) {
            wokenUp = false;
        }
        if (split == null) {
            return nothing();
        }
        if (isPaused()) {
            await(System.currentTimeMillis() + PAUSED_WAIT_MS);
            return nothing();
        }
        if (decoder == null) {
            try {
                decoder = VideoDecoder.open(split.camera(), split.lastEmittedSequence(), metrics);
            } catch (IOException e) {
                LOG.error("{}; this camera stops, the others go on", e.getMessage());
                return finished();
            }
        }
        while (due == null && !isWokenUp()) {
            due = decoder.poll();
            if (due == null && decoder.isEndOfStream()) {
                LOG.info("camera {}: end of video after {} frames ({} analysed, {} undecodable)", split.splitId(),
                        metrics.framesDecoded(), metrics.framesAnalysed(), metrics.decodeErrors());
                return finished();
            }
        }
        if (due == null || (split.camera().realtime() && !awaitDue(due))) {
            return nothing();
        }
        Frame frame = due;
        due = null;
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
                metrics = CameraMetrics.register(metricGroup, added.splitId());
            }
        } else if (change instanceof SplitsRemoval) {
            for (CameraSplit removed : change.splits()) {
                if (split != null && split.splitId().equals(removed.splitId())) {
                    closeCamera();
                }
            }
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
                for (long left = until - System.currentTimeMillis(); left > 0 && !wokenUp;
                        left = until - System.currentTimeMillis()) {
                    lock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !wokenUp;
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

    private RecordsWithSplitIds<Frame> finished() {
        String id = split.splitId();
        closeCamera();
        return new RecordsBySplits<>(Map.of(), Set.of(id));
    }

    private RecordsWithSplitIds<Frame> nothing() {
        return new RecordsBySplits<>(Map.of(), Set.of());
    }

    private void closeCamera() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        split = null;
        due = null;
        realtimeStartWall = -1;
    }
}
