package io.lpr.events;

import io.lpr.db.SqlDialect;
import io.lpr.event.PlateEvent;
import java.util.List;

/** The {@code plate_events} table: its columns, schema and upsert, the same on SQLite and PostgreSQL. */
public final class PlateEventsTable {
    private PlateEventsTable() {}

    public static final String TABLE = "plate_events";

    /** Column order of every INSERT and SELECT. */
    public static final List<String> COLUMNS = List.of("event_id", "camera_id", "plate_text", "first_seen", "last_seen",
            "frames", "votes", "detection_score", "text_score", "box_x1", "box_y1", "box_x2", "box_y2", "crop_jpeg",
            "confidence", "runner_ups", "offset_ms", "revision", "is_final");

    /** Columns added after the first release, with their types: tables created before get them added. */
    public static final List<List<String>> ADDED_COLUMNS = List.of(List.of("confidence", "REAL"), List.of("runner_ups", "TEXT"),
            List.of("offset_ms", "BIGINT"), List.of("revision", "INTEGER"), List.of("is_final", "BOOLEAN"));

    public static List<String> schema(SqlDialect dialect) {
        return List.of("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "event_id TEXT PRIMARY KEY, "
                        + "camera_id TEXT NOT NULL, "
                        + "plate_text TEXT NOT NULL, "
                        + "first_seen " + dialect.timeType + " NOT NULL, "
                        + "last_seen " + dialect.timeType + " NOT NULL, "
                        + "frames INTEGER NOT NULL, "
                        + "votes INTEGER NOT NULL, "
                        + "detection_score REAL, "
                        + "text_score REAL, "
                        + "box_x1 REAL, box_y1 REAL, box_x2 REAL, box_y2 REAL, "
                        + "crop_jpeg " + dialect.blobType + ", "
                        + "confidence REAL, "
                        + "runner_ups TEXT, "
                        + "offset_ms BIGINT, "
                        // The event's revision last written and whether it is final (docs/kafka-events.md);
                        // NULL in rows written before the columns existed.
                        + "revision INTEGER, "
                        + "is_final BOOLEAN)",
                "CREATE INDEX IF NOT EXISTS plate_events_camera_first_seen ON " + TABLE + " (camera_id, first_seen)",
                "CREATE INDEX IF NOT EXISTS plate_events_plate_text ON " + TABLE + " (plate_text)",
                // Newest first across all cameras (lpr query, lpr serve) reads this index instead of sorting.
                "CREATE INDEX IF NOT EXISTS plate_events_first_seen ON " + TABLE + " (first_seen, event_id)");
    }

    /** Runner-up texts with their votes as stored: {@code B840OK197:3,B840CK19:1}. */
    public static String runnerUps(PlateEvent e) {
        if (e.runnerUps == null || e.runnerUps.length == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < e.runnerUps.length; i++) {
            out.append(i == 0 ? "" : ",").append(e.runnerUps[i]).append(':').append(e.runnerUpVotes[i]);
        }
        return out.toString();
    }

    public static void readRunnerUps(String stored, PlateEvent e) {
        if (stored == null || stored.isEmpty()) {
            return;
        }
        String[] parts = stored.split(",");
        e.runnerUps = new String[parts.length];
        e.runnerUpVotes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int colon = parts[i].lastIndexOf(':');
            e.runnerUps[i] = parts[i].substring(0, colon);
            e.runnerUpVotes[i] = Integer.parseInt(parts[i].substring(colon + 1));
        }
    }

    /** Same text on both databases: SQLite (3.24+) and PostgreSQL (9.5+) share ON CONFLICT ... excluded. */
    public static String upsert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(TABLE).append(" (")
                .append(String.join(", ", COLUMNS)).append(") VALUES (")
                .append(String.join(", ", COLUMNS.stream().map(c -> "?").toList()))
                .append(") ON CONFLICT (event_id) DO UPDATE SET ");
        List<String> updates = COLUMNS.stream().skip(1).map(c -> c + " = excluded." + c).toList();
        return sql.append(String.join(", ", updates)).toString();
    }
}
