package io.lpr.source;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator: a camera's state changed. The enumerator keeps the latest per camera (the
 * {@code camera_status} table), and a FINISHED one tells it the camera's split is gone from the
 * reader (see {@link StopCameraEvent}). The reason is one line, its URL passwords masked.
 */
public final class CameraStatusEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final String cameraId;
    private final CameraState state;
    private final String reason;
    private final long sinceMillis;
    private final long framesAnalysed;
    private final long reconnects;

    /**
     * @param reason why the camera is in this state, or null (e.g. when connected)
     * @param sinceMillis when it entered the state (epoch milliseconds)
     */
    public CameraStatusEvent(String cameraId, CameraState state, String reason, long sinceMillis,
            long framesAnalysed, long reconnects) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.state = Objects.requireNonNull(state, "state");
        this.reason = StreamUrls.mask(reason);
        this.sinceMillis = sinceMillis;
        this.framesAnalysed = framesAnalysed;
        this.reconnects = reconnects;
    }

    public String cameraId() {
        return cameraId;
    }

    public CameraState state() {
        return state;
    }

    /** Null when there is none. */
    public String reason() {
        return reason;
    }

    public long sinceMillis() {
        return sinceMillis;
    }

    /** Frames the camera handed on for analysis since its reader started it. */
    public long framesAnalysed() {
        return framesAnalysed;
    }

    /** Times its live stream was opened again after a failure or a drop. */
    public long reconnects() {
        return reconnects;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CameraStatusEvent)) {
            return false;
        }
        CameraStatusEvent other = (CameraStatusEvent) o;
        return cameraId.equals(other.cameraId) && state == other.state && Objects.equals(reason, other.reason)
                && sinceMillis == other.sinceMillis && framesAnalysed == other.framesAnalysed
                && reconnects == other.reconnects;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, state, reason, sinceMillis, framesAnalysed, reconnects);
    }

    @Override
    public String toString() {
        return "camera " + cameraId + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (reason == null ? "" : " (" + reason + ")") + " since " + sinceMillis + ", " + framesAnalysed
                + " frames analysed, " + reconnects + " reconnects";
    }
}
