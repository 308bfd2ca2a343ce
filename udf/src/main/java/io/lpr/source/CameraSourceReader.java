package io.lpr.source;

import io.lpr.event.Frame;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SourceReaderBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source reader of one subtask: decodes each assigned camera on its own thread and emits its
 * frames with their event time as the record timestamp. Checkpoints hold, per camera, the
 * sequence number of the last frame emitted.
 */
public final class CameraSourceReader extends SourceReaderBase<Frame, Frame, CameraSplit, CameraSourceReader.Progress> {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSourceReader.class);

    public CameraSourceReader(SourceReaderContext context) {
        super(new CameraFetcherManager(() -> new CameraSplitReader(context.metricGroup()), context.getConfiguration()),
                CameraSourceReader::emit, context.getConfiguration(), context);
    }

    private static void emit(Frame frame, SourceOutput<Frame> output, Progress progress) {
        output.collect(frame, frame.eventTime);
        progress.lastEmittedSequence = frame.sequence;
    }

    @Override
    protected void onSplitFinished(Map<String, Progress> finished) {
        finished.forEach((camera, progress) ->
                LOG.info("camera {} finished after frame #{}", camera, progress.lastEmittedSequence));
    }

    @Override
    protected Progress initializedState(CameraSplit split) {
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
