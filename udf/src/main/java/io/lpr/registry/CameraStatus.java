package io.lpr.registry;

import io.lpr.source.CameraStatusEvent;
import java.util.Locale;
import java.util.Objects;

/** A camera's latest reported state, as the {@code camera_status} table shows it. Immutable. */
public final class CameraStatus {
    private final String cameraId;
    private final String state;
    private final String reason;
    private final long sinceMillis;
    private final long framesAnalysed;
    private final long reconnects;
    private final long updatedMillis;

    /**
     * @param state connecting, connected, backoff, failed or finished
     * @param reason null when there is none
     */
    public CameraStatus(String cameraId, String state, String reason, long sinceMillis, long framesAnalysed,
            long reconnects, long updatedMillis) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.state = Objects.requireNonNull(state, "state");
        this.reason = reason;
        this.sinceMillis = sinceMillis;
        this.framesAnalysed = framesAnalysed;
        this.reconnects = reconnects;
        this.updatedMillis = updatedMillis;
    }

    static CameraStatus of(CameraStatusEvent event, long receivedMillis) {
        return new CameraStatus(event.cameraId(), event.state().name().toLowerCase(Locale.ROOT), event.reason(),
                event.sinceMillis(), event.framesAnalysed(), event.reconnects(), receivedMillis);
    }

    public String cameraId() {
        return cameraId;
    }

    /** connecting, connected, backoff, failed or finished. */
    public String state() {
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

    /** When the enumerator received this state. */
    public long updatedMillis() {
        return updatedMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CameraStatus)) {
            return false;
        }
        CameraStatus other = (CameraStatus) o;
        return cameraId.equals(other.cameraId) && state.equals(other.state) && Objects.equals(reason, other.reason)
                && sinceMillis == other.sinceMillis && framesAnalysed == other.framesAnalysed
                && reconnects == other.reconnects && updatedMillis == other.updatedMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cameraId, state, reason, sinceMillis, framesAnalysed, reconnects, updatedMillis);
    }

    @Override
    public String toString() {
        return cameraId + ": " + state + (reason == null ? "" : " (" + reason + ")") + " since " + sinceMillis
                + ", " + framesAnalysed + " frames analysed, " + reconnects + " reconnects";
    }
}
