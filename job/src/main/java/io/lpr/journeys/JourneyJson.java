package io.lpr.journeys;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lpr.journey.Journey;
import java.time.Duration;
import java.time.Instant;

/**
 * A journey as {@code lpr journeys --format json} and {@code /api/journeys} give it (docs/journeys.md): times
 * as UTC ISO-8601, the duration in seconds and as text; exit fields null unless closed.
 */
public record JourneyJson(
        String journey,
        String state,
        String plate,
        @JsonProperty("exit_plate") String exitPlate,
        @JsonProperty("entry_camera") String entryCamera,
        @JsonProperty("exit_camera") String exitCamera,
        @JsonProperty("entry_time") String entryTime,
        @JsonProperty("exit_time") String exitTime,
        @JsonProperty("duration_s") Double durationSeconds,
        String duration,
        @JsonProperty("entry_event_id") String entryEventId,
        @JsonProperty("exit_event_id") String exitEventId) {

    public static JourneyJson of(Journey j) {
        Long ms = j.durationMs();
        boolean closed = j.state == Journey.State.closed;
        return new JourneyJson(j.journey, j.state.name(), j.plateText, j.exitPlateText, j.entryCamera, j.exitCamera,
                Instant.ofEpochMilli(j.entryTime).toString(), closed ? Instant.ofEpochMilli(j.exitTime).toString() : null,
                ms == null ? null : ms / 1000.0, ms == null ? null : duration(ms), j.entryEventId, j.exitEventId);
    }

    /** 1h 05m 12s, 4m 03s, 12s: how long a closed journey took, for people. */
    public static String duration(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (d.toHours() > 0) {
            return String.format("%dh %02dm %02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        if (d.toMinutes() > 0) {
            return String.format("%dm %02ds", d.toMinutes(), d.toSecondsPart());
        }
        return d.toSeconds() + "s";
    }
}
