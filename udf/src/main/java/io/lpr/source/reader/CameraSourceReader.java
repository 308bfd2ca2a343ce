package io.lpr.source.reader;

import io.lpr.camera.CameraSpec;
import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.source.split.StopCameraEvent;
import io.lpr.status.CameraStatusEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SourceReaderBase;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source reader of one subtask: decodes each assigned camera on its own thread and emits its
 * frames with their event time as the record timestamp. Checkpoints hold, per camera, the
 * sequence number of the last frame emitted.
 *
 * <p>Cameras report each change of state; the reader sends them to the enumerator
 * ({@link CameraStatusEvent}) from its task thread, and a FINISHED state once a camera's split
 * has left it. A {@link StopCameraEvent} stops a camera as its contract says.
 */
public final class CameraSourceReader extends SourceReaderBase<Frame, Frame, CameraSplit, CameraSourceReader.Progress> {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSourceReader.class);

    private final CameraReports reports;
    /** Cameras whose split this reader holds; touched on the task thread only. */
    private final Set<String> running = new HashSet<>();

    private final UnaryOperator<CameraSpec> credentials;

    /**
     * @param credentials a camera with its URL's credentials, looked up by id in the cameras' configuration or
     *     registry: splits arrive with their passwords masked, since they travel and are checkpointed
     */
    public CameraSourceReader(SourceReaderContext context, UnaryOperator<CameraSpec> credentials) {
        this(context, new CameraReports(context.metricGroup()), credentials);
    }

    private CameraSourceReader(SourceReaderContext context, CameraReports reports,
            UnaryOperator<CameraSpec> credentials) {
        super(new CameraFetcherManager(() -> new CameraSplitReader(reports), context.getConfiguration()),
                CameraSourceReader::emit, context.getConfiguration(), context);
        this.reports = reports;
        this.credentials = credentials;
    }

    @Override
    public void addSplits(List<CameraSplit> splits) {
        super.addSplits(splits.stream()
                .map(split -> split.withCamera(credentials.apply(split.camera())))
                .toList());
    }

    private static void emit(Frame frame, SourceOutput<Frame> output, Progress progress) {
        output.collect(frame, frame.eventTime);
        progress.lastEmittedSequence = frame.sequence;
    }

    /** Sends the cameras' changes of state first; each comes with a fetch that wakes this up. */
    @Override
    public InputStatus pollNext(ReaderOutput<Frame> output) throws Exception {
        for (CameraStatusEvent status; (status = reports.poll()) != null; ) {
            context.sendSourceEventToCoordinator(status);
        }
        reports.refreshes(System.currentTimeMillis()).forEach(context::sendSourceEventToCoordinator);
        return super.pollNext(output);
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (!(event instanceof StopCameraEvent)) {
            super.handleSourceEvents(event);
            return;
        }
        String camera = ((StopCameraEvent) event).cameraId();
        if (running.contains(camera)) {
            // Its split finishes on the camera's next fetch; onSplitFinished then confirms.
            ((CameraFetcherManager) splitFetcherManager).stopCamera(camera);
        } else {
            context.sendSourceEventToCoordinator(reports.finished(camera));
        }
    }

    @Override
    protected void onSplitFinished(Map<String, Progress> finished) {
        finished.forEach((camera, progress) -> {
            running.remove(camera);
            LOG.info("camera {} finished after frame #{}", camera, progress.lastEmittedSequence);
            context.sendSourceEventToCoordinator(reports.finished(camera));
        });
    }

    @Override
    protected Progress initializedState(CameraSplit split) {
        running.add(split.splitId());
        return new Progress(split);
    }

    @Override
    protected CameraSplit toSplitType(String splitId, Progress progress) {
        return progress.split.withLastEmittedSequence(progress.lastEmittedSequence);
    }

    /** A camera's mutable read position, updated on the task thread as frames are emitted. */
    static final class Progress {
        private final CameraSplit split;
        private long lastEmittedSequence;

        Progress(CameraSplit split) {
            this.split = split;
            this.lastEmittedSequence = split.lastEmittedSequence();
        }
    }
}
