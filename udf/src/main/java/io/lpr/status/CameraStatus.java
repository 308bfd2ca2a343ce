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
    /** How often the job writes each running camera's row again, changed or not: its heartbeat. */
    public static final long REFRESH_MILLIS = 5_000;
    /**
     * A running camera's row not written for this long is stale: the job that wrote it has stopped or cannot reach
     * the database. Six heartbeats, so a slow write or a checkpoint pause does not flap it.
     */
    public static final long STALE_AFTER_MILLIS = 6 * REFRESH_MILLIS;

    public CameraStatus {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(state, "state");
    }

    static CameraStatus of(CameraStatusEvent event, long receivedMillis) {
        return new CameraStatus(event.cameraId(), event.state().name().toLowerCase(Locale.ROOT), event.reason(),
                event.sinceMillis(), event.framesAnalysed(), event.reconnects(), receivedMillis);
    }

    /** Whether this row is stale at {@code nowMillis}; a finished camera's row is final, never stale. */
    public boolean stale(long nowMillis) {
        return !state.equals("finished") && nowMillis - updatedMillis > STALE_AFTER_MILLIS;
    }

    /** The same state, written again at {@code nowMillis}. */
    CameraStatus touched(long nowMillis) {
        return new CameraStatus(cameraId, state, reason, sinceMillis, framesAnalysed, reconnects, nowMillis);
    }

    @Override
    public String toString() {
        return cameraId + ": " + state + (reason == null ? "" : " (" + reason + ")") + " since " + utc(sinceMillis)
                + ", " + framesAnalysed + " frames analysed, " + reconnects + " reconnects, reported " + utc(updatedMillis);
    }

    /** A time as people read it: UTC to the second, e.g. 2026-11-30 18:04:05Z. */
    static String utc(long epochMillis) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(epochMillis));
    }
}
