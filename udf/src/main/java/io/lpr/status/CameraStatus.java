package io.lpr.status;

import java.util.Locale;
import java.util.Objects;

/**
 * A camera's latest reported state, as the {@code camera_status} table shows it.
 *
 * @param state connecting, connected, backoff, failed or finished
 * @param reason null when there is none
 * @param updatedMillis when the enumerator received this state
 */
public record CameraStatus(String cameraId, String state, String reason, long sinceMillis, long framesAnalysed,
        long reconnects, long updatedMillis) {

    public CameraStatus {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(state, "state");
    }

    static CameraStatus of(CameraStatusEvent event, long receivedMillis) {
        return new CameraStatus(event.cameraId(), event.state().name().toLowerCase(Locale.ROOT), event.reason(),
                event.sinceMillis(), event.framesAnalysed(), event.reconnects(), receivedMillis);
    }

    @Override
    public String toString() {
        return cameraId + ": " + state + (reason == null ? "" : " (" + reason + ")") + " since " + sinceMillis
                + ", " + framesAnalysed + " frames analysed, " + reconnects + " reconnects";
    }
}
