package io.lpr.alert;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.db.Migrations;
import io.lpr.db.Migrations.Migration;
import io.lpr.db.SqlDialect;
import io.lpr.event.Alert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code alerts} table: one row per alert, keyed by its deterministic id, so a replayed alert is written
 * once ({@code ON CONFLICT DO NOTHING}: a replay never resets what the webhook already took). The webhook is
 * fed from here ({@link WebhookDelivery}): {@code delivered_at} stays NULL until the receiver accepted the alert,
 * so an undelivered alert survives any restart. Every call opens its own connection.
 */
public final class AlertsTable {
    public static final String NAME = "alerts";
    private static final String COLUMNS = "alert_id, event_id, entry, level, note, camera_id, plate_text, confidence, seen_at";

    /** The table's versions; the next change is a 2nd step here, never an edit of this one. */
    public static final Migrations MIGRATIONS = new Migrations(NAME, List.of(
            new Migration(1, "alerts with their webhook delivery", Migrations.sql(d -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + NAME + " ("
                            + "alert_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, entry TEXT NOT NULL, level TEXT NOT NULL, "
                            + "note TEXT, camera_id TEXT NOT NULL, plate_text TEXT NOT NULL, confidence REAL NOT NULL, "
                            + "seen_at " + d.timeType + " NOT NULL, "
                            + "raised_at " + d.timeType + " NOT NULL DEFAULT " + d.now + ", "
                            + "delivered_at " + d.timeType + ", "
                            + "attempts INTEGER NOT NULL DEFAULT 0)",
                    "CREATE INDEX IF NOT EXISTS alerts_seen_at ON " + NAME + " (seen_at)")))));

    /** Filters of {@link #query}; null matches everything. */
    public record Query(String cameraId, String plate, Instant since, int limit) {}

    private final Database database;

    public AlertsTable(Database database) {
        this.database = database;
    }

    public AlertsTable ensureSchema() {
        MIGRATIONS.ensure(database);
        return this;
    }

    /** Writes the alerts not written yet; those already there are left as they are. */
    public void insert(List<Alert> alerts) throws SQLException {
        String sql = "INSERT INTO " + NAME + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING";
        try (Connection connection = database.connect(); PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Alert a : alerts) {
                ps.setString(1, a.alertId);
                ps.setString(2, a.eventId);
                ps.setString(3, a.entry);
                ps.setString(4, a.level);
                ps.setString(5, a.note);
                ps.setString(6, a.cameraId);
                ps.setString(7, a.plateText);
                ps.setFloat(8, a.confidence);
                database.dialect().bindTime(ps, 9, a.seenAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The oldest alerts the webhook has not accepted yet, at most {@code limit}. */
    public List<Alert> undelivered(int limit) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + NAME + " WHERE delivered_at IS NULL ORDER BY seen_at, alert_id LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
        }
    }

    /** Records a try: delivered (accepted by the receiver) or one more failed attempt. */
    public void attempted(String alertId, boolean delivered) throws SQLException {
        String sql = delivered
                ? "UPDATE " + NAME + " SET attempts = attempts + 1, delivered_at = " + database.dialect().now + " WHERE alert_id = ?"
                : "UPDATE " + NAME + " SET attempts = attempts + 1 WHERE alert_id = ?";
        try (Connection connection = database.connect(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, alertId);
            ps.executeUpdate();
        }
    }

    /** The newest matching alerts, oldest of them first: {@code lpr alerts}, the web UI. */
    public List<Alert> query(Query q) {
        database.requireExisting();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + NAME + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.cameraId() != null) {
            sql.append(" AND camera_id = ?");
            params.add(q.cameraId());
        }
        if (q.plate() != null) {
            sql.append(" AND (plate_text LIKE ? ESCAPE '\\' OR entry = ?)");
            params.add(io.lpr.plate.PlateMatch.sqlLike(q.plate()));
            params.add(io.lpr.plate.PlateMatch.normalize(q.plate()));
        }
        if (q.since() != null) {
            sql.append(" AND seen_at >= ?");
            params.add(q.since());
        }
        sql.append(" ORDER BY seen_at DESC, alert_id DESC LIMIT ?");
        params.add(q.limit());
        try (Connection connection = database.open()) {
            if (MIGRATIONS.current(connection) == 0) {
                return List.of();
            }
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof Instant t) {
                        database.dialect().bindTime(ps, i + 1, t.toEpochMilli());
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                List<Alert> alerts = read(ps);
                Collections.reverse(alerts);
                return alerts;
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains(Migrations.VERSIONS)) {
                return List.of();
            }
            throw new DatabaseException(database.describe("reading " + NAME, e), e);
        }
    }

    private List<Alert> read(PreparedStatement ps) throws SQLException {
        SqlDialect dialect = database.dialect();
        List<Alert> alerts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Alert a = new Alert();
                a.alertId = rs.getString("alert_id");
                a.eventId = rs.getString("event_id");
                a.entry = rs.getString("entry");
                a.level = rs.getString("level");
                a.note = rs.getString("note");
                a.cameraId = rs.getString("camera_id");
                a.plateText = rs.getString("plate_text");
                a.confidence = rs.getFloat("confidence");
                a.seenAt = dialect.readTime(rs, "seen_at");
                alerts.add(a);
            }
        }
        return alerts;
    }
}
