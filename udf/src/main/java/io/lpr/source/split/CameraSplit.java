package io.lpr.source.split;

import io.lpr.camera.CameraSpec;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One camera as a unit of work for a source reader, with how far it has been read: the sequence
 * number of the last frame emitted downstream. A reader restored from this split resumes with the
 * frame after it, so no frame is repeated or lost.
 */
public final class CameraSplit implements SourceSplit {
    /** Nothing emitted yet: reading starts with frame 0. */
    public static final long NONE_EMITTED = -1;

    private final CameraSpec camera;
    private final long lastEmittedSequence;

    public CameraSplit(CameraSpec camera) {
        this(camera, NONE_EMITTED);
    }

    public CameraSplit(CameraSpec camera, long lastEmittedSequence) {
        if (lastEmittedSequence < NONE_EMITTED) {
            throw new IllegalArgumentException("last emitted sequence must be >= -1, got " + lastEmittedSequence);
        }
        this.camera = Objects.requireNonNull(camera, "camera");
        this.lastEmittedSequence = lastEmittedSequence;
    }

    /** The camera id: one split per camera. */
    @Override
    public String splitId() {
        return camera.id();
    }

    public CameraSpec camera() {
        return camera;
    }

    public long lastEmittedSequence() {
        return lastEmittedSequence;
    }

    public CameraSplit withLastEmittedSequence(long sequence) {
        return new CameraSplit(camera, sequence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraSplit && camera.equals(((CameraSplit) o).camera)
                && lastEmittedSequence == ((CameraSplit) o).lastEmittedSequence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(camera, lastEmittedSequence);
    }

    @Override
    public String toString() {
        return "CameraSplit{" + camera + ", last emitted #" + lastEmittedSequence + "}";
    }
}
