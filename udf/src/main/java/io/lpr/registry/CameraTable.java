package io.lpr.registry;

import io.lpr.camera.CameraField;
import io.lpr.camera.StreamUrls;
import io.lpr.db.Database;
import io.lpr.db.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code cameras} table: one row per camera, edited by people (SQL, a CLI) while the job runs. Its
 * columns are {@code id TEXT PRIMARY KEY}, {@code url TEXT NOT NULL} (may reference ${ENV_VARS}), one per
 * {@link CameraField} (named by its key, typed by its kind; NULL takes the job's {@code lpr.camera.*}) and
 * {@code updated_at} (the time of the last change through this class). A table made by an older build gains
 * the columns it lacks when opened; nothing is ever dropped or retyped, so older builds still read it.
 *
 * Every call opens its own connection: calls are seconds apart, and a database that restarts
 * is simply used again on the next call.
 */
public final class CameraTable {
    public static final String NAME = "cameras";

    private final Database database;

    public CameraTable(Database database) {
        this.database = database;
    }

    /**
     * Creates the table, or adds the columns of settings an older table lacks.
     *
     * @throws RegistryException with a one-line reason
     */
    public void createIfAbsent() {
        SqlDialect dialect = database.dialect();
        StringBuilder columns = new StringBuilder("id TEXT PRIMARY KEY, url TEXT NOT NULL");
        for (CameraField field : CameraField.values()) {
            columns.append(", ").append(column(field));
        }
        run("creating table " + NAME, "CREATE TABLE IF NOT EXISTS " + NAME + " (" + columns
                + ", updated_at " + dialect.timeType + " NOT NULL DEFAULT " + dialect.now + ")");
        Set<String> present = columns();
        for (CameraField field : CameraField.values()) {
            if (!present.contains(field.key())) {
                run("adding column " + field.key() + " to table " + NAME,
                        "ALTER TABLE " + NAME + " ADD COLUMN " + column(field));
            }
        }
    }

    /** A field's column: NULL for "the job's", or NOT NULL with the field's own default. */
    private static String column(CameraField field) {
        return field.key() + " " + field.kind().sqlType() + (field.unset() == null ? ""
                : " NOT NULL DEFAULT " + field.kind().format(field.unset()).toUpperCase(Locale.ROOT));
    }

    /** Adds the camera, or replaces every setting of the one with its id. */
    public void put(CameraEntry camera) {
        List<CameraField> fields = List.of(CameraField.values());
        String names = fields.stream().map(CameraField::key).collect(Collectors.joining(", "));
        String marks = fields.stream().map(f -> "?").collect(Collectors.joining(", "));
        String updates = fields.stream().map(f -> f.key() + " = excluded." + f.key()).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + NAME + " (id, url, " + names + ", updated_at) VALUES (?, ?, " + marks + ", ?) "
                + "ON CONFLICT (id) DO UPDATE SET url = excluded.url, " + updates + ", updated_at = excluded.updated_at";
        try (Connection connection = database.connect(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, camera.id());
            ps.setString(2, camera.url());
            int index = 3;
            for (CameraField field : fields) {
                Object value = camera.get(field) != null ? camera.get(field) : field.unset();
                if (value == null) {
                    ps.setNull(index++, field.kind().jdbcType());
                } else {
                    ps.setObject(index++, field.kind().toSql(value));
                }
            }
            database.dialect().bindTime(ps, index, System.currentTimeMillis());
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

    /**
     * Every camera, disabled ones included, by id.
     *
     * @throws RegistryException naming the first row that cannot be read whole
     */
    public List<CameraEntry> list() {
        List<CameraEntry> cameras = new ArrayList<>();
        for (CameraRow row : rows()) {
            try {
                cameras.add(row.entry());
            } catch (IllegalArgumentException e) {
                throw new RegistryException(this + ": " + StreamUrls.mask(e.getMessage()), e);
            }
        }
        return cameras;
    }

    /** Every row as stored, by id, each read as far as it can be: for readers that show the table. */
    public List<CameraRow> rows() {
        List<CameraRow> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + NAME + " ORDER BY id")) {
            Set<String> present = columns(rs.getMetaData());
            while (rs.next()) {
                rows.add(read(rs, present));
            }
        } catch (SQLException e) {
            throw new RegistryException(database.describe("reading table " + NAME, e), e);
        }
        return rows;
    }

    @Override
    public String toString() {
        return "table " + NAME + " in " + database.maskedUrl();
    }

    /** One row; a column that an older table lacks is left to the job, as NULL is. */
    private static CameraRow read(ResultSet rs, Set<String> present) {
        List<String> problems = new ArrayList<>();
        String id = text(rs, "id", problems);
        String url = text(rs, "url", problems);
        Map<CameraField, Object> settings = new EnumMap<>(CameraField.class);
        for (CameraField field : CameraField.values()) {
            if (!present.contains(field.key())) {
                continue;
            }
            try {
                Object stored = rs.getObject(field.key());
                if (stored != null) {
                    settings.put(field, field.fromSql(stored));
                }
            } catch (SQLException | IllegalArgumentException e) {
                problems.add(StreamUrls.mask(firstLine(e.getMessage())));
            }
        }
        return new CameraRow(id, url, settings, problems);
    }

    private static String text(ResultSet rs, String column, List<String> problems) {
        try {
            Object value = rs.getObject(column);
            if (value instanceof String text) {
                return text;
            }
            problems.add(column + (value == null ? " is missing" : " is not text"));
        } catch (SQLException e) {
            problems.add(column + " cannot be read: " + firstLine(e.getMessage()));
        }
        return null;
    }

    private Set<String> columns() {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + NAME + " WHERE 1 = 0")) {
            return columns(rs.getMetaData());
        } catch (SQLException e) {
            throw new RegistryException(database.describe("reading the columns of table " + NAME, e), e);
        }
    }

    private static Set<String> columns(ResultSetMetaData meta) throws SQLException {
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable").trim();
    }

    private void run(String what, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new RegistryException(database.describe(what, e), e);
        }
    }
}
