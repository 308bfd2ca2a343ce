package io.lpr.events;

import io.lpr.db.Migrations;
import io.lpr.db.Migrations.Migration;
import java.util.List;

/** The {@code plate_events} table: its columns, versioned schema and upsert, the same on SQLite and PostgreSQL. */
public final class PlateEventsTable {
    private PlateEventsTable() {}

    public static final String TABLE = "plate_events";

    /** Column order of every INSERT and SELECT. */
    public static final List<String> COLUMNS = List.of("event_id", "camera_id", "plate_text", "first_seen", "last_seen",
            "frames", "votes", "detection_score", "text_score", "box_x1", "box_y1", "box_x2", "box_y2", "crop_jpeg",
            "confidence", "runner_ups", "offset_ms", "revision", "is_final");

    /**
     * The table's versions (README, "Events"): 1 the first release's table, 2 the columns added since
     * (tables made before versions were recorded have some of them already), 3 the indexes. The next change is
     * a 4th step here, never an edit of these.
     */
    public static final Migrations MIGRATIONS = new Migrations(TABLE, List.of(
            new Migration(1, "plate_events as the first release made it", Migrations.sql(d -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                            + "event_id TEXT PRIMARY KEY, "
                            + "camera_id TEXT NOT NULL, "
                            + "plate_text TEXT NOT NULL, "
                            + "first_seen " + d.timeType + " NOT NULL, "
                            + "last_seen " + d.timeType + " NOT NULL, "
                            + "frames INTEGER NOT NULL, "
                            + "votes INTEGER NOT NULL, "
                            + "detection_score REAL, "
                            + "text_score REAL, "
                            + "box_x1 REAL, box_y1 REAL, box_x2 REAL, box_y2 REAL, "
                            + "crop_jpeg " + d.blobType + ")"))),
            // The event's revision last written and whether it is final (docs/kafka-events.md) are NULL in rows
            // written before the columns existed.
            new Migration(2, "confidence, runner_ups, offset_ms, revision, is_final", (st, d) -> {
                var present = Migrations.columns(st, TABLE);
                for (List<String> column : List.of(List.of("confidence", "REAL"), List.of("runner_ups", "TEXT"),
                        List.of("offset_ms", "BIGINT"), List.of("revision", "INTEGER"), List.of("is_final", "BOOLEAN"))) {
                    if (!present.contains(column.get(0))) {
                        st.execute("ALTER TABLE " + TABLE + " ADD COLUMN " + column.get(0) + " " + column.get(1));
                    }
                }
            }),
            new Migration(3, "indexes by camera, plate and time", Migrations.sql(d -> List.of(
                    "CREATE INDEX IF NOT EXISTS plate_events_camera_first_seen ON " + TABLE + " (camera_id, first_seen)",
                    "CREATE INDEX IF NOT EXISTS plate_events_plate_text ON " + TABLE + " (plate_text)",
                    // Newest first across all cameras (lpr query, lpr serve) reads this index instead of sorting.
                    "CREATE INDEX IF NOT EXISTS plate_events_first_seen ON " + TABLE + " (first_seen, event_id)")))));

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
