package io.lpr.sink;

import io.lpr.event.PlateEvent;
import java.time.Instant;
import java.util.Locale;

/** One line per stored event, for {@code lpr query}. */
public final class EventFormat {
    private EventFormat() {}

    /**
     * Camera, plate, first and last seen as UTC ISO-8601 instants, frames, votes, best detector confidence and
     * text score (lower is better), e.g.
     * {@code cam-1        B840CK197  2024-05-01T12:00:00Z .. 2024-05-01T12:00:02.400Z  frames=12 votes=9 det=0.91 text=-102.3}.
     */
    public static String line(PlateEvent e) {
        return String.format(Locale.ROOT, "%-12s %-10s %s .. %s  frames=%d votes=%d det=%.2f text=%.1f",
                e.cameraId, e.plateText, Instant.ofEpochMilli(e.firstSeen), Instant.ofEpochMilli(e.lastSeen),
                e.frames, e.votes, e.detectionScore, e.textScore);
    }
}
