package io.lpr.watch;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.db.Migrations;
import io.lpr.db.Migrations.Migration;
import io.lpr.db.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code watchlist} table: one row per entry, keyed by its plate or pattern, edited by people
 * ({@code lpr watch}, the web UI) while the job runs; the job reads it whole at every poll. Every call opens
 * its own connection, as the cameras table's do. Failures are {@link DatabaseException}s of one line.
 */
public final class WatchTable {
    public static final String NAME = "watchlist";

    /** The table's versions; the next change is a 2nd step here, never an edit of this one. */
    public static final Migrations MIGRATIONS = new Migrations(NAME, List.of(
            new Migration(1, "watchlist entries", Migrations.sql(d -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + NAME + " ("
                            + "plate TEXT PRIMARY KEY, "
                            + "near BOOLEAN NOT NULL, "
                            + "note TEXT, "
                            + "level TEXT NOT NULL, "
                            + "until_at " + d.timeType + ", "
                            // Comma-separated camera ids or group names; NULL: every camera.
                            + "cameras TEXT, "
                            + "added_at " + d.timeType + " NOT NULL DEFAULT " + d.now + ")")))));

    private final Database database;

    public WatchTable(Database database) {
        this.database = database;
    }

    /** Creates the table when absent, or brings it to the latest version. */
    public WatchTable ensureSchema() {
        MIGRATIONS.ensure(database);
        return this;
    }

    /** Adds the entry, or replaces the one of the same plate. */
    public void put(WatchEntry entry) {
        String sql = "INSERT INTO " + NAME + " (plate, near, note, level, until_at, cameras) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (plate) DO UPDATE SET near = excluded.near, note = excluded.note, level = excluded.level, "
                + "until_at = excluded.until_at, cameras = excluded.cameras";
        try (Connection connection = database.open(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, entry.plate);
            ps.setBoolean(2, entry.near);
            ps.setString(3, entry.note);
            ps.setString(4, entry.level.label());
            if (entry.until == null) {
                ps.setNull(5, java.sql.Types.NULL);
            } else {
                database.dialect().bindTime(ps, 5, entry.until);
            }
            ps.setString(6, entry.cameras.length == 0 ? null : String.join(",", entry.cameras));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(database.describe("adding " + entry.plate + " to " + NAME, e), e);
        }
    }

    /** Removes the entry of this plate or pattern (as typed: normalised here); whether there was one. */
    public boolean remove(String plate) {
        try (Connection connection = database.open();
                PreparedStatement ps = connection.prepareStatement("DELETE FROM " + NAME + " WHERE plate = ?")) {
            ps.setString(1, io.lpr.plate.PlateMatch.normalize(plate));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new DatabaseException(database.describe("removing " + plate + " from " + NAME, e), e);
        }
    }

    /** Every entry, by plate; an empty list when the table does not exist yet. */
    public List<WatchEntry> list() {
        SqlDialect dialect = database.dialect();
        try (Connection connection = database.open()) {
            if (MIGRATIONS.current(connection) == 0) {
                return List.of();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT plate, near, note, level, until_at, cameras FROM " + NAME + " ORDER BY plate");
                    ResultSet rs = ps.executeQuery()) {
                List<WatchEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    String cameras = rs.getString("cameras");
                    rs.getObject("until_at");
                    Long until = rs.wasNull() ? null : dialect.readTime(rs, "until_at");
                    entries.add(WatchEntry.of(rs.getString("plate"), rs.getBoolean("near"), rs.getString("note"),
                            WatchLevel.parse(rs.getString("level")), until,
                            cameras == null ? new String[0] : cameras.split(",")));
                }
                return entries;
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains(Migrations.VERSIONS)) {
                return List.of(); // a database no lpr table was ever made in
            }
            throw new DatabaseException(database.describe("reading " + NAME, e), e);
        }
    }
}
