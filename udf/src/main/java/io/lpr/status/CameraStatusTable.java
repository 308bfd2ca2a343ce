package io.lpr.status;

import io.lpr.db.Database;
import io.lpr.db.SqlDialect;
import io.lpr.registry.RegistryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code camera_status} table: each camera's latest state, one row per camera id, written by
 * the source's enumerator. Every call opens its own connection (see {@code CameraTable}).
 *
 * <pre>
 * id TEXT PRIMARY KEY, state TEXT NOT NULL (connecting, connected, backoff, failed, finished), reason TEXT,
 * since (when it entered the state), frames_analysed BIGINT, reconnects BIGINT, updated_at
 * </pre>
 */
public final class CameraStatusTable {
    public static final String NAME = "camera_status";

    private final Database database;

    public CameraStatusTable(Database database) {
        this.database = database;
    }

    /** @throws RegistryException with a one-line reason */
    public void createIfAbsent() {
        String time = database.dialect().timeType;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + NAME + " ("
                    + "id TEXT PRIMARY KEY, "
                    + "state TEXT NOT NULL, "
                    + "reason TEXT, "
                    + "since " + time + " NOT NULL, "
                    + "frames_analysed BIGINT NOT NULL, "
                    + "reconnects BIGINT NOT NULL, "
                    + "updated_at " + time + " NOT NULL)");
        } catch (SQLException e) {
            throw new RegistryException(database.describe("creating table " + NAME, e), e);
        }
    }

    /** Writes these states in one transaction, replacing the rows of their cameras. */
    public void upsert(Collection<CameraStatus> statuses) {
        String sql = "INSERT INTO " + NAME
                + " (id, state, reason, since, frames_analysed, reconnects, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
                + "since = excluded.since, frames_analysed = excluded.frames_analysed, "
                + "reconnects = excluded.reconnects, updated_at = excluded.updated_at";
        SqlDialect dialect = database.dialect();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (CameraStatus status : statuses) {
                    ps.setString(1, status.cameraId());
                    ps.setString(2, status.state());
                    ps.setString(3, status.reason());
                    dialect.bindTime(ps, 4, status.sinceMillis());
                    ps.setLong(5, status.framesAnalysed());
                    ps.setLong(6, status.reconnects());
                    dialect.bindTime(ps, 7, status.updatedMillis());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new RegistryException(database.describe("writing table " + NAME, e), e);
        }
    }

    /** Every row, by id. */
    public List<CameraStatus> list() {
        SqlDialect dialect = database.dialect();
        List<CameraStatus> statuses = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, state, reason, since, frames_analysed, reconnects, "
                        + "updated_at FROM " + NAME + " ORDER BY id")) {
            while (rs.next()) {
                statuses.add(new CameraStatus(rs.getString("id"), rs.getString("state"), rs.getString("reason"),
                        dialect.readTime(rs, "since"), rs.getLong("frames_analysed"), rs.getLong("reconnects"),
                        dialect.readTime(rs, "updated_at")));
            }
        } catch (SQLException e) {
            throw new RegistryException(database.describe("reading table " + NAME, e), e);
        }
        return statuses;
    }

    @Override
    public String toString() {
        return "table " + NAME + " in " + database.maskedUrl();
    }
}
