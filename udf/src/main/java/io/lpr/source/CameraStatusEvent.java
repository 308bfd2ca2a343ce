package io.lpr.source;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator: a camera's state changed. The enumerator keeps the latest per camera (the
 * {@code camera_status} table), and a FINISHED one tells it the camera's split is gone from the
 * reader (see {@link StopCameraEvent}).
 */
public final class CameraStatusEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    public enum State {
        CONNECTED, BACKOFF, FAILED, FINISHED
    }

    private final String cameraId;
    private final State state;
    private final String reason;
    private final long sinceMillis;
    private final long framesAnalysed;
    private final long reconnects;

    /**
     * @param reason why the camera is in this state, credentials masked; null when there is none
     * @param sinceMillis epoch milliseconds when the camera entered this state
     */
    public CameraStatusEvent(
            String cameraId, State state, String reason, long sinceMillis, long framesAnalysed, long reconnects) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.state = Objects.requireNonNull(state, "state");
        this.reason = reason;
        this.sinceMillis = sinceMillis;
        this.framesAnalysed = framesAnalysed;
        this.reconnects = reconnects;
    }

    public String cameraId() {
        return cameraId;
    }

    public State state() {
        return state;
    }

    /** Null when there is none. */
    public String reason() {
        return reason;
    }

    public long sinceMillis() {
        return sinceMillis;
    }

    public long framesAnalysed() {
        return framesAnalysed;
    }

    public long reconnects() {
        return reconnects;
    }

    @Override
    public String toString() {
        return "CameraStatusEvent{" + cameraId + " " + state + (reason == null ? "" : " (" + reason + ")")
                + ", since " + sinceMillis + ", " + framesAnalysed + " analysed, " + reconnects + " reconnects}";
    }
}
