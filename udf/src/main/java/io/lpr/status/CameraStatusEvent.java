package io.lpr.status;

import io.lpr.camera.StreamUrls;
import java.util.Locale;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator: a camera's state changed. The enumerator keeps the latest per camera (the
 * {@code camera_status} table), and a FINISHED one tells it the camera's split is gone from the
 * reader (see {@code StopCameraEvent}). The reason is one line, its URL passwords masked.
 *
 * @param reason why the camera is in this state, or null (e.g. when connected)
 * @param sinceMillis when it entered the state (epoch milliseconds)
 * @param framesAnalysed frames the camera handed on for analysis since its reader started it
 * @param reconnects times its live stream was opened again after a failure or a drop
 */
public record CameraStatusEvent(String cameraId, CameraState state, String reason, long sinceMillis,
        long framesAnalysed, long reconnects) implements SourceEvent {

    public CameraStatusEvent {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(state, "state");
        reason = StreamUrls.mask(reason);
    }

    @Override
    public String toString() {
        return "camera " + cameraId + " " + state.name().toLowerCase(Locale.ROOT)
                + (reason == null ? "" : " (" + reason + ")") + " since " + sinceMillis + ", " + framesAnalysed
                + " frames analysed, " + reconnects + " reconnects";
    }
}
