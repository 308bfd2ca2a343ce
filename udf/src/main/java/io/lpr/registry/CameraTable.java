package io.lpr.registry;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.db.Database;
import io.lpr.db.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code cameras} table: one row per camera, edited by people (SQL, a CLI) while the job
 * runs. Columns left NULL keep the camera defaults:
 *
 * <pre>
 * id TEXT PRIMARY KEY, url TEXT NOT NULL (may reference ${ENV_VARS}),
 * enabled BOOLEAN NOT NULL DEFAULT TRUE, fps DOUBLE PRECISION, realtime BOOLEAN NOT NULL DEFAULT FALSE,
 * width INTEGER, height INTEGER, roi TEXT ('x,y,width,height'), transport TEXT ('tcp' or 'udp'),
 * updated_at (time of the last change through this class)
 * </pre>
 *
 * Every call opens its own connection: calls are seconds apart, and a database that restarts
 * is simply used again on the next call.
 */
public final class CameraTable {
    public static final String NAME = "cameras";

    private static final String COLUMNS = "id, url, enabled, fps, realtime, width, height, roi, transport";

    private final Database database;

    public CameraTable(Database database) {
        this.database = database;
    }

    /** @throws RegistryException with a one-line reason */
    public void createIfAbsent() {
        SqlDialect dialect = database.dialect();
        run("creating table " + NAME, "CREATE TABLE IF NOT EXISTS " + NAME + " ("
                + "id TEXT PRIMARY KEY, "
                + "url TEXT NOT NULL, "
                + "enabled BOOLEAN NOT NULL DEFAULT TRUE, "
                + "fps DOUBLE PRECISION, "
                + "realtime BOOLEAN NOT NULL DEFAULT FALSE, "
                + "width INTEGER, "
                + "height INTEGER, "
                + "roi TEXT, "
                + "transport TEXT, "
                + "updated_at " + dialect.timeType + " NOT NULL DEFAULT " + dialect.now + ")");
    }

    /** Adds the camera, or replaces every setting of the one with its id. */
    public void put(CameraEntry camera) {
        String sql = "INSERT INTO " + NAME + " (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET url = excluded.url, enabled = excluded.enabled, fps = excluded.fps, "
                + "realtime = excluded.realtime, width = excluded.width, height = excluded.height, roi = excluded.roi, "
                + "transport = excluded.transport, "
                + "updated_at = excluded.updated_at";
        try (Connection connection = database.connect(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, camera.id());
            ps.setString(2, camera.url());
            ps.setBoolean(3, camera.enabled());
            if (camera.fps() == null) {
                ps.setNull(4, Types.DOUBLE);
            } else {
                ps.setDouble(4, camera.fps());
            }
            ps.setBoolean(5, camera.realtime());
            setInteger(ps, 6, camera.width());
            setInteger(ps, 7, camera.height());
            ps.setString(8, camera.roi() == null ? null : camera.roi().toString());
            ps.setString(9, camera.transport() == null ? null : camera.transport().name().toLowerCase(Locale.ROOT));
            database.dialect().bindTime(ps, 10, System.currentTimeMillis());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new RegistryException(database.describe("saving camera " + camera.id(), e), e);
        }
    }

    /** @return false when there is no camera with that id */
    public boolean setEnabled(String id, boolean enabled) {
        String sql = "UPDATE " + NAME + " SET enabled = ?, updated_at = ? WHERE id = ?";
        try (Connection connection = database.connect(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setBoolean(1, enabled);
            database.dialect().bindTime(ps, 2, System.currentTimeMillis());
            ps.setString(3, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new RegistryException(database.describe((enabled ? "enabling" : "disabling") + " camera " + id, e), e);
        }
    }

    /** @return false when there is no camera with that id */
    public boolean delete(String id) {
        try (Connection connection = database.connect();
                PreparedStatement ps = connection.prepareStatement("DELETE FROM " + NAME + " WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new RegistryException(database.describe("deleting camera " + id, e), e);
        }
    }

    /** Every camera, disabled ones included, by id. */
    public List<CameraEntry> list() {
        List<CameraEntry> cameras = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + COLUMNS + " FROM " + NAME + " ORDER BY id")) {
            while (rs.next()) {
                cameras.add(read(rs));
            }
        } catch (SQLException e) {
            throw new RegistryException(database.describe("reading table " + NAME, e), e);
        }
        return cameras;
    }

    @Override
    public String toString() {
        return "table " + NAME + " in " + database.maskedUrl();
    }

    private static CameraEntry read(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String url = rs.getString("url");
        if (id == null || url == null) {
            throw new SQLException("a row has no id or url");
        }
        double fps = rs.getDouble("fps");
        Double fpsOrNull = rs.wasNull() ? null : fps;
        String roi = rs.getString("roi");
        String transport = rs.getString("transport");
        try {
            return CameraEntry.of(id, url)
                    .withEnabled(rs.getBoolean("enabled"))
                    .withFps(fpsOrNull)
                    .withRealtime(rs.getBoolean("realtime"))
                    .withSize(integer(rs, "width"), integer(rs, "height"))
                    .withRoi(roi == null || roi.isBlank() ? null : Roi.parse(roi))
                    .withTransport(transport == null || transport.isBlank() ? null : transport(transport));
        } catch (IllegalArgumentException e) {
            throw new SQLException("camera " + id + ": " + e.getMessage(), e);
        }
    }

    private static CameraSpec.Transport transport(String text) {
        try {
            return CameraSpec.Transport.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport must be tcp or udp, got '" + text + "'", e);
        }
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private void run(String what, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new RegistryException(database.describe(what, e), e);
        }
    }
}
