package io.lpr.source;

import io.lpr.event.Frame;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Video frames from a set of cameras, one split per camera (FLIP-27). Records carry their event
 * time as the record timestamp; the caller assigns watermarks with a {@code WatermarkStrategy}.
 * When every camera is a file the source is bounded and the job ends once all files are read.
 *
 * <p>Event time of a frame = the camera's base epoch + its stream timestamp. A camera without a
 * base gets the time {@link #of} was called, i.e. when the job was built, so every restore of the
 * job reproduces the same event times.
 */
public final class CameraSource
        implements Source<Frame, CameraSplit, CameraEnumeratorState>, ResultTypeQueryable<Frame> {
    private static final long serialVersionUID = 1L;

    private final List<CameraSpec> cameras;

    private CameraSource(List<CameraSpec> cameras) {
        this.cameras = cameras;
    }

    /**
     * @throws IllegalArgumentException when there are no cameras or an id repeats
     */
    public static CameraSource of(List<CameraSpec> cameras) {
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("no cameras given; expected at least one ID=PATH");
        }
        CameraSpec.requireUniqueIds(cameras);
        long jobStart = System.currentTimeMillis();
        List<CameraSpec> resolved = new ArrayList<>(cameras.size());
        for (CameraSpec camera : cameras) {
            resolved.add(camera.hasBaseEpochMillis() ? camera : camera.withBaseEpochMillis(jobStart));
        }
        return new CameraSource(List.copyOf(resolved));
    }

    /** The cameras, with their base epochs filled in. */
    public List<CameraSpec> cameras() {
        return cameras;
    }

    @Override
    public Boundedness getBoundedness() {
        return cameras.stream().allMatch(CameraSpec::isFile) ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<Frame, CameraSplit> createReader(SourceReaderContext readerContext) {
        return new CameraSourceReader(readerContext);
    }

    @Override
    public SplitEnumerator<CameraSplit, CameraEnumeratorState> createEnumerator(
            SplitEnumeratorContext<CameraSplit> context) {
        return new CameraEnumerator(context, getBoundedness(), cameras, CameraEnumeratorState.empty());
    }

    @Override
    public SplitEnumerator<CameraSplit, CameraEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<CameraSplit> context, CameraEnumeratorState checkpoint) {
        return new CameraEnumerator(context, getBoundedness(), cameras, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<CameraSplit> getSplitSerializer() {
        return new CameraSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<CameraEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new CameraEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<Frame> getProducedType() {
        return TypeInformation.of(Frame.class);
    }
}
