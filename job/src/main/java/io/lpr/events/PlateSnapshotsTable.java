package io.lpr.events;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.db.Migrations;
import io.lpr.db.Migrations.Migration;
import io.lpr.event.Snapshot;
import io.lpr.util.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code plate_snapshots} table: one full-frame JPEG per event, keyed by the event's id and written in the
 * same transaction as the event's row, by the same upsert rule, so a replayed event rewrites its snapshot
 * instead of adding one (docs/snapshots.md says why a table and not a folder). Kept apart from
 * {@code plate_events} so listing events never reads a snapshot's bytes, and retention can drop the pictures
 * while keeping the events.
 */
public final class PlateSnapshotsTable {
    private PlateSnapshotsTable() {}

    public static final String TABLE = "plate_snapshots";

    /** The table's versions; the next change is a 2nd step here, never an edit of this one. */
    public static final Migrations MIGRATIONS = new Migrations(TABLE, List.of(
            new Migration(1, "plate_snapshots", Migrations.sql(d -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                            + "event_id TEXT PRIMARY KEY, "
                            + "width INTEGER NOT NULL, "
                            + "height INTEGER NOT NULL, "
                            + "source_width INTEGER NOT NULL, "
                            + "source_height INTEGER NOT NULL, "
                            + "jpeg " + d.blobType + " NOT NULL)")))));

    /** Same text on both databases, as {@link PlateEventsTable#upsert()}. */
    public static final String UPSERT = "INSERT INTO " + TABLE
            + " (event_id, width, height, source_width, source_height, jpeg) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (event_id) DO UPDATE SET width = excluded.width, height = excluded.height,"
            + " source_width = excluded.source_width, source_height = excluded.source_height, jpeg = excluded.jpeg";

    /** Binds one snapshot to {@link #UPSERT}. */
    public static void bind(PreparedStatement ps, String eventId, Snapshot s) throws SQLException {
        ps.setString(1, eventId);
        ps.setInt(2, s.width);
        ps.setInt(3, s.height);
        ps.setInt(4, s.sourceWidth);
        ps.setInt(5, s.sourceHeight);
        ps.setBytes(6, s.jpeg);
    }

    /**
     * The snapshot of an event, with its bytes when {@code withJpeg} (else only its sizes, {@code jpeg} null);
     * empty when it has none, also in a database written before snapshots existed (no table yet).
     */
    public static Optional<Snapshot> find(Database db, String eventId, boolean withJpeg) {
        db.requireExisting();
        String sql = "SELECT width, height, source_width, source_height" + (withJpeg ? ", jpeg" : "")
                + " FROM " + TABLE + " WHERE event_id = ?";
        try (Connection connection = db.open()) {
            if (!exists(connection)) {
                return Optional.empty();
            }
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Snapshot(withJpeg ? rs.getBytes(5) : null, rs.getInt(1), rs.getInt(2),
                            rs.getInt(3), rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot query " + db.maskedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, null, TABLE, null)) {
            return rs.next();
        }
    }
}
