package io.lpr.sink;

import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What differs between the two supported databases: driver, column types and how a timestamp is stored.
 *
 * <p>PostgreSQL stores instants as TIMESTAMPTZ. SQLite has no timestamp type, so instants are stored as UTC
 * ISO-8601 text with exactly three fraction digits ({@code 2024-05-01T12:34:56.789Z}): fixed width, so text order
 * is time order and range filters work on the index, and SQLite's own date functions accept it.
 */
enum Dialect {
    SQLITE("jdbc:sqlite:", "org.sqlite.JDBC", "TEXT", "BLOB") {
        @Override
        Driver driver() {
            return new org.sqlite.JDBC();
        }

        @Override
        void bindTime(PreparedStatement ps, int index, long epochMillis) throws SQLException {
            ps.setString(index, SQLITE_TIME.format(Instant.ofEpochMilli(epochMillis)));
        }

        @Override
        long readTime(ResultSet rs, String column) throws SQLException {
            return Instant.parse(rs.getString(column)).toEpochMilli();
        }
    },
    POSTGRES("jdbc:postgresql:", "org.postgresql.Driver", "TIMESTAMPTZ", "BYTEA") {
        @Override
        Driver driver() {
            return new org.postgresql.Driver();
        }

        @Override
        void bindTime(PreparedStatement ps, int index, long epochMillis) throws SQLException {
            ps.setObject(index, OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
        }

        @Override
        long readTime(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
        }
    };

    static final String TABLE = "plate_events";

    /** Column order of every INSERT and SELECT. */
    static final List<String> COLUMNS = List.of("event_id", "camera_id", "plate_text", "first_seen", "last_seen",
            "frames", "votes", "detection_score", "text_score", "box_x1", "box_y1", "box_x2", "box_y2", "crop_jpeg");

    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final String urlPrefix;
    final String driverClass;
    private final String timeType;
    private final String blobType;

    Dialect(String urlPrefix, String driverClass, String timeType, String blobType) {
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
        this.timeType = timeType;
        this.blobType = blobType;
    }

    /** The driver itself, so connections never depend on DriverManager seeing Flink's user-code class loader. */
    abstract Driver driver();

    abstract void bindTime(PreparedStatement ps, int index, long epochMillis) throws SQLException;

    abstract long readTime(ResultSet rs, String column) throws SQLException;

    static Dialect of(String url) {
        for (Dialect d : values()) {
            if (url.startsWith(d.urlPrefix)) {
                return d;
            }
        }
        throw new DatabaseException("unsupported database URL " + Database.mask(url)
                + ": expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    List<String> schema() {
        return List.of("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "event_id TEXT PRIMARY KEY, "
                        + "camera_id TEXT NOT NULL, "
                        + "plate_text TEXT NOT NULL, "
                        + "first_seen " + timeType + " NOT NULL, "
                        + "last_seen " + timeType + " NOT NULL, "
                        + "frames INTEGER NOT NULL, "
                        + "votes INTEGER NOT NULL, "
                        + "detection_score REAL, "
                        + "text_score REAL, "
                        + "box_x1 REAL, box_y1 REAL, box_x2 REAL, box_y2 REAL, "
                        + "crop_jpeg " + blobType + ")",
                "CREATE INDEX IF NOT EXISTS plate_events_camera_first_seen ON " + TABLE + " (camera_id, first_seen)",
                "CREATE INDEX IF NOT EXISTS plate_events_plate_text ON " + TABLE + " (plate_text)");
    }

    /** Same text on both databases: SQLite (3.24+) and PostgreSQL (9.5+) share ON CONFLICT ... excluded. */
    static String upsert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(TABLE).append(" (")
                .append(String.join(", ", COLUMNS)).append(") VALUES (")
                .append(String.join(", ", COLUMNS.stream().map(c -> "?").toList()))
                .append(") ON CONFLICT (event_id) DO UPDATE SET ");
        List<String> updates = COLUMNS.stream().skip(1).map(c -> c + " = excluded." + c).toList();
        return sql.append(String.join(", ", updates)).toString();
    }
}
