package io.lpr.source.reader;

import io.lpr.camera.CameraSpec;
import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraStatusEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;

/**
 * Drives a {@link CameraSplitReader} for one camera on the test's thread, as its fetcher would,
 * keeping the frames and what the source reader would send the enumerator.
 */
final class ReaderDriver implements AutoCloseable {
    private final CameraReports reports = new CameraReports(null);
    /** What the source reader would send the enumerator. */
    final List<CameraStatusEvent> statuses = new ArrayList<>();
    final List<Frame> frames = new ArrayList<>();
    private final CameraSplitReader reader = new CameraSplitReader(reports);
    private final String cameraId;
    private boolean finished;

    ReaderDriver(CameraSpec camera) {
        this(new CameraSplit(camera));
    }

    ReaderDriver(CameraSplit split) {
        this.cameraId = split.splitId();
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
    }

    CameraMetrics metrics() {
        return reports.metrics(cameraId);
    }

    CameraStatusEvent lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    boolean finished() {
        return finished;
    }

    /** One fetch; returns the frames it brought. */
    List<Frame> fetch() {
        List<Frame> got = new ArrayList<>();
        RecordsWithSplitIds<Frame> records = reader.fetch();
        for (String id; (id = records.nextSplit()) != null; ) {
            for (Frame frame; (frame = records.nextRecordFromSplit()) != null; ) {
                got.add(frame);
            }
        }
        for (CameraStatusEvent status; (status = reports.poll()) != null; ) {
            statuses.add(status);
        }
        if (records.finishedSplits().contains(cameraId)) {
            finished = true;
            statuses.add(reports.finished(cameraId));
        }
        frames.addAll(got);
        return got;
    }

    /** Fetches until {@code done}; fails with what the camera reported when it takes longer than {@code timeoutMs}. */
    void fetchUntil(BooleanSupplier done, long timeoutMs, String what) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + timeoutMs + " ms: " + what + "; statuses " + statuses
                        + ", " + frames.size() + " frames");
            }
            fetch();
        }
    }

    void stop() {
        reader.stop();
    }

    @Override
    public void close() {
        reader.close();
    }
}
