package io.lpr.journeys;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.db.Migrations;
import io.lpr.db.Migrations.Migration;
import io.lpr.db.SqlDialect;
import io.lpr.journey.Journey;
import io.lpr.util.Messages;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code journeys} table (docs/journeys.md): one row per (journey, entry event), upserted as the entry
 * opens, closes or expires, the same on SQLite and PostgreSQL; and its reader for {@code lpr journeys} and
 * {@code lpr serve}.
 */
public final class JourneysTable {
    public static final String TABLE = "journeys";
    private static final List<String> COLUMNS = List.of("journey_name", "entry_event_id", "exit_event_id", "plate_text",
            "exit_plate_text", "entry_camera", "exit_camera", "entry_time", "exit_time", "duration_ms", "state");

    /** Its versions; the next change is a 2nd step here, never an edit of this one. */
    public static final Migrations MIGRATIONS = new Migrations(TABLE, List.of(
            new Migration(1, "journeys and its index by state and entry time", Migrations.sql(d -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                            + "journey_name TEXT NOT NULL, "
                            + "entry_event_id TEXT NOT NULL, "
                            + "exit_event_id TEXT, "
                            + "plate_text TEXT NOT NULL, "
                            + "exit_plate_text TEXT, "
                            + "entry_camera TEXT NOT NULL, "
                            + "exit_camera TEXT, "
                            + "entry_time " + d.timeType + " NOT NULL, "
                            + "exit_time " + d.timeType + ", "
                            + "duration_ms BIGINT, "
                            + "state TEXT NOT NULL, "
                            + "PRIMARY KEY (journey_name, entry_event_id))",
                    "CREATE INDEX IF NOT EXISTS journeys_state_entry_time ON " + TABLE + " (state, entry_time)")))));

    /**
     * Insert or update by (journey, entry event). A row that is closed or expired never goes back to open:
     * a replay after a restore sends an entry's open record again before its close.
     */
    static final String UPSERT = "INSERT INTO " + TABLE + " (" + String.join(", ", COLUMNS) + ") VALUES ("
            + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ") ON CONFLICT (journey_name, entry_event_id) "
            + "DO UPDATE SET " + String.join(", ", COLUMNS.stream().skip(2).map(c -> c + " = excluded." + c).toList())
            + " WHERE " + TABLE + ".state = 'open' OR excluded.state <> 'open'";

    private JourneysTable() {}

    /** Brings the table to its latest version, in one transaction. */
    public static void createSchema(Connection connection, SqlDialect dialect) throws SQLException {
        MIGRATIONS.migrate(connection, dialect);
    }

    /** Upserts the rows as one batch on {@code connection}; committing is the caller's. */
    public static void upsert(Connection connection, SqlDialect dialect, Collection<Journey> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
            for (Journey j : rows) {
                ps.setString(1, j.journey);
                ps.setString(2, j.entryEventId);
                ps.setString(3, j.exitEventId);
                ps.setString(4, j.plateText);
                ps.setString(5, j.exitPlateText);
                ps.setString(6, j.entryCamera);
                ps.setString(7, j.exitCamera);
                dialect.bindTime(ps, 8, j.entryTime);
                if (j.state == Journey.State.closed) {
                    dialect.bindTime(ps, 9, j.exitTime);
                    ps.setLong(10, j.durationMs());
                } else {
                    ps.setNull(9, dialect == SqlDialect.POSTGRES ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
                    ps.setNull(10, Types.BIGINT);
                }
                ps.setString(11, j.state.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Creates the table when absent and upserts the rows in one transaction, outside Flink. */
    public static void upsert(Database db, Collection<Journey> rows) {
        try (Connection connection = db.open()) {
            createSchema(connection, db.dialect());
            connection.setAutoCommit(false);
            upsert(connection, db.dialect(), rows);
            connection.commit();
        } catch (SQLException e) {
            throw new DatabaseException("cannot write journeys to " + db.maskedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    /**
     * The newest {@code limit} journeys by entry time, returned oldest first; only the open ones (the cars
     * inside now) when {@code openOnly}. A database the job has not yet written journeys to has none.
     */
    public static List<Journey> read(Database db, boolean openOnly, int limit) {
        db.requireExisting();
        String sql = "SELECT " + String.join(", ", COLUMNS) + " FROM " + TABLE
                + (openOnly ? " WHERE state = 'open'" : "") + " ORDER BY entry_time DESC, entry_event_id DESC LIMIT ?";
        try (Connection connection = db.open()) {
            if (!hasTable(connection)) {
                return List.of();
            }
            List<Journey> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs, db.dialect()));
                    }
                }
            }
            Collections.reverse(rows);
            return rows;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + TABLE + " from " + db.maskedUrl() + ": "
                    + Database.mask(Messages.firstLine(e)), e);
        }
    }

    /** How many are open (inside now) per journey; none when the job has not yet written journeys. */
    public static Map<String, Long> openCounts(Database db) {
        db.requireExisting();
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = db.open()) {
            if (!hasTable(connection)) {
                return counts;
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT journey_name, COUNT(*) FROM " + TABLE
                    + " WHERE state = 'open' GROUP BY journey_name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + TABLE + " from " + db.maskedUrl() + ": "
                    + Database.mask(Messages.firstLine(e)), e);
        }
    }

    private static Journey row(ResultSet rs, SqlDialect dialect) throws SQLException {
        Journey j = new Journey();
        j.journey = rs.getString("journey_name");
        j.entryEventId = rs.getString("entry_event_id");
        j.exitEventId = rs.getString("exit_event_id");
        j.plateText = rs.getString("plate_text");
        j.exitPlateText = rs.getString("exit_plate_text");
        j.entryCamera = rs.getString("entry_camera");
        j.exitCamera = rs.getString("exit_camera");
        j.entryTime = dialect.readTime(rs, "entry_time");
        j.exitTime = rs.getObject("exit_time") == null ? 0 : dialect.readTime(rs, "exit_time");
        String state = rs.getString("state");
        j.state = Journey.State.valueOf(state.toLowerCase(Locale.ROOT));
        return j;
    }

    /** Asked of the catalogue, so a read-only connection never tries to create the table. */
    private static boolean hasTable(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : List.of(TABLE, TABLE.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, null, candidate, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
