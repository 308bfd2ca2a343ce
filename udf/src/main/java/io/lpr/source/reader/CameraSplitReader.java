package io.lpr.source.reader;

import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
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
 * fetcher), one analysed frame per fetch, from a {@link FileFeed} or a {@link LiveFeed}; nothing here
 * fails the job or holds up another camera.
 *
 * <p>Each change of the camera's state goes to its {@link CameraReports} (the reader forwards it
 * to the enumerator), and so does the reason its split finishes for. A camera can be
 * {@link #stop() stopped}, paused and woken up from other threads ({@link ReaderSignals}).
 */
final class CameraSplitReader implements SplitReader<Frame, CameraSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSplitReader.class);
    /** How long a paused camera waits per fetch before the fetcher checks for new tasks. */
    private static final long PAUSED_WAIT_MS = 100;

    private final CameraReports reports;
    private final ReaderSignals signals = new ReaderSignals();
    private CameraSplit split;
    private CameraMetrics metrics;
    /** Opened by the first fetch, on the fetcher's thread. */
    private CameraFeed feed;

    CameraSplitReader(CameraReports reports) {
        this.reports = reports;
    }

    @Override
    public RecordsWithSplitIds<Frame> fetch() {
        boolean stop = signals.beginFetch();
        if (split == null) {
            return nothing();
        }
        if (stop) {
            LOG.info("camera {}: stopped", split.splitId());
            return finished("stopped");
        }
        if (signals.isPaused()) {
            signals.sleepUntil(System.currentTimeMillis() + PAUSED_WAIT_MS);
            return nothing();
        }
        if (feed == null) {
            feed = split.camera().isLive() ? new LiveFeed(split, metrics, reports, signals)
                    : new FileFeed(split, metrics, reports, signals);
        }
        Frame frame = feed.poll();
        if (feed.endReason() != null) {
            return finished(feed.endReason());
        }
        if (frame == null) {
            return nothing();
        }
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
                    closeFeed();
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
        signals.stop();
    }

    @Override
    public void pauseOrResumeSplits(Collection<CameraSplit> toPause, Collection<CameraSplit> toResume) {
        CameraSplit current = split;
        if (current != null) {
            if (toPause.stream().anyMatch(s -> s.splitId().equals(current.splitId()))) {
                signals.paused(true);
            }
            if (toResume.stream().anyMatch(s -> s.splitId().equals(current.splitId()))) {
                signals.paused(false);
            }
        }
    }

    @Override
    public void wakeUp() {
        signals.wakeUp();
    }

    @Override
    public void close() {
        closeFeed();
        split = null;
    }

    /** Closes the camera and reports its split finished, for {@code reason}. */
    private RecordsWithSplitIds<Frame> finished(String reason) {
        String id = split.splitId();
        reports.ending(id, reason);
        closeFeed();
        split = null;
        return new RecordsBySplits<>(Map.of(), Set.of(id));
    }

    private RecordsWithSplitIds<Frame> nothing() {
        return new RecordsBySplits<>(Map.of(), Set.of());
    }

    private void closeFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }
}
