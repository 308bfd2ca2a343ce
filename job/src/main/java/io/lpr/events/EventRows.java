package io.lpr.events;

import io.lpr.db.SqlDialect;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one row of {@code plate_events} tolerantly: a value that cannot be read (a time that is not one, a
 * runner-up without its votes) is named in {@link StoredEvent#unreadable} and the rest of the row is still
 * read, so one bad row cannot stop {@code lpr query} or a page of {@code lpr serve}.
 */
final class EventRows {
    private EventRows() {}

    @FunctionalInterface
    private interface Read {
        void run() throws SQLException;
    }

    static StoredEvent read(ResultSet rs, SqlDialect dialect, boolean withCrop) {
        PlateEvent e = new PlateEvent();
        List<String> problems = new ArrayList<>();
        Reader r = new Reader(problems);
        r.field("event_id", () -> e.eventId = rs.getString("event_id"));
        r.field("camera_id", () -> e.cameraId = rs.getString("camera_id"));
        r.field("plate_text", () -> e.plateText = rs.getString("plate_text"));
        r.field("first_seen", () -> e.firstSeen = dialect.readTime(rs, "first_seen"));
        r.field("last_seen", () -> e.lastSeen = dialect.readTime(rs, "last_seen"));
        r.field("frames", () -> e.frames = integer(rs, "frames"));
        r.field("votes", () -> e.votes = integer(rs, "votes"));
        r.field("detection_score", () -> e.detectionScore = rs.getFloat("detection_score"));
        r.field("text_score", () -> e.textScore = rs.getFloat("text_score"));
        r.field("box", () -> {
            float x1 = rs.getFloat("box_x1");
            if (!rs.wasNull()) {
                e.box = new Box(x1, rs.getFloat("box_y1"), rs.getFloat("box_x2"), rs.getFloat("box_y2"));
            }
        });
        if (withCrop) {
            r.field("crop_jpeg", () -> e.cropJpeg = rs.getBytes("crop_jpeg"));
        }
        r.field("confidence", () -> e.confidence = rs.getFloat("confidence"));
        r.field("runner_ups", () -> problems.addAll(RunnerUps.read(rs.getString("runner_ups"), e)));
        r.field("offset_ms", () -> {
            long offset = rs.getLong("offset_ms");
            e.offsetMs = rs.wasNull() ? null : offset;
        });
        // 0 and not final in a row written before revisions were stored.
        r.field("revision", () -> e.revision = integer(rs, "revision"));
        r.field("is_final", () -> e.isFinal = rs.getBoolean("is_final"));
        return new StoredEvent(e, problems);
    }

    /**
     * A whole number, 0 when NULL. SQLite keeps whatever text a column was given and its driver reads text as
     * 0; such a value is named here instead of shown as a count.
     */
    private static int integer(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + value + "' is not a whole number");
        }
    }

    private record Reader(List<String> problems) {
        void field(String column, Read read) {
            try {
                read.run();
            } catch (SQLException | RuntimeException unreadable) {
                String message = String.valueOf(unreadable.getMessage()).lines().findFirst().orElse("");
                problems.add(column + ": cannot be read (" + message + ")");
            }
        }
    }
}
