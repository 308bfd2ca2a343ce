package io.lpr.source.split;

import io.lpr.camera.CameraSpec;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One camera as a unit of work for a source reader, with how far it has been read: the sequence
 * number of the last frame emitted downstream. A reader restored from this split resumes with the
 * frame after it, so no frame is repeated or lost. It also holds the run's state for the camera, which is not
 * a setting: when the enumerator first started it ({@link #baseEpochMillis()}), kept as the camera is
 * reassigned and restored; a camera whose settings change starts a new split with a new time.
 */
public final class CameraSplit implements SourceSplit {
    /** Nothing emitted yet: reading starts with frame 0. */
    public static final long NONE_EMITTED = -1;

    private final CameraSpec camera;
    private final long lastEmittedSequence;
    /** Epoch milliseconds the enumerator first started the camera; null for a split made elsewhere (tests). */
    private final Long baseEpochMillis;

    public CameraSplit(CameraSpec camera) {
        this(camera, NONE_EMITTED);
    }

    public CameraSplit(CameraSpec camera, long lastEmittedSequence) {
        this(camera, lastEmittedSequence, null);
    }

    public CameraSplit(CameraSpec camera, long lastEmittedSequence, Long baseEpochMillis) {
        if (lastEmittedSequence < NONE_EMITTED) {
            throw new IllegalArgumentException("last emitted sequence must be >= -1, got " + lastEmittedSequence);
        }
        this.camera = Objects.requireNonNull(camera, "camera");
        this.lastEmittedSequence = lastEmittedSequence;
        this.baseEpochMillis = baseEpochMillis;
    }

    /** A camera's first split, started now. */
    public static CameraSplit startedAt(CameraSpec camera, long epochMillis) {
        return new CameraSplit(camera, NONE_EMITTED, epochMillis);
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

    /** When the enumerator first started this camera (epoch milliseconds); null when it did not. */
    public Long baseEpochMillis() {
        return baseEpochMillis;
    }

    public CameraSplit withLastEmittedSequence(long sequence) {
        return new CameraSplit(camera, sequence, baseEpochMillis);
    }

    /** The same position and start for {@code newCamera}: the same camera with its credentials, say. */
    public CameraSplit withCamera(CameraSpec newCamera) {
        return new CameraSplit(newCamera, lastEmittedSequence, baseEpochMillis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraSplit other && camera.equals(other.camera)
                && lastEmittedSequence == other.lastEmittedSequence
                && Objects.equals(baseEpochMillis, other.baseEpochMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(camera, lastEmittedSequence, baseEpochMillis);
    }

    @Override
    public String toString() {
        return "CameraSplit{" + camera + ", last emitted #" + lastEmittedSequence
                + (baseEpochMillis == null ? "" : ", started " + baseEpochMillis) + "}";
    }
}
