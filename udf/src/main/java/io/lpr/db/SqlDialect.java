package io.lpr.db;

import io.lpr.camera.StreamUrls;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What differs between the two supported databases, for every table the job keeps (plate events,
 * cameras, camera status): driver, column types and how an instant is stored. PostgreSQL stores
 * instants as TIMESTAMPTZ; SQLite, which has no timestamp type, as UTC ISO-8601 text with exactly
 * three fraction digits: fixed width, so text order is time order, range filters use indexes, and
 * SQLite's own date functions accept it.
 */
public enum SqlDialect {
    SQLITE("jdbc:sqlite:", "org.sqlite.JDBC", "TEXT", "BLOB", "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))") {
        @Override
        public Driver driver() {
            SqliteNatives.useCache(); // before the driver's first connection loads its native library
            return new org.sqlite.JDBC();
        }

        @Override
        public void bindTime(PreparedStatement ps, int index, long epochMillis) throws SQLException {
            ps.setString(index, SQLITE_TIME.format(Instant.ofEpochMilli(epochMillis)));
        }

        @Override
        public long readTime(ResultSet rs, String column) throws SQLException {
            return Instant.parse(rs.getString(column)).toEpochMilli();
        }
    },
    POSTGRES("jdbc:postgresql:", "org.postgresql.Driver", "TIMESTAMPTZ", "BYTEA", "now()") {
        @Override
        public Driver driver() {
            return new org.postgresql.Driver();
        }

        @Override
        public void bindTime(PreparedStatement ps, int index, long epochMillis) throws SQLException {
            ps.setObject(index, OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
        }

        @Override
        public long readTime(ResultSet rs, String column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
        }
    };

    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public final String urlPrefix;
    public final String driverClass;
    public final String timeType;
    public final String blobType;
    /** The current time as a column default, in the stored form. */
    public final String now;

    SqlDialect(String urlPrefix, String driverClass, String timeType, String blobType, String now) {
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
        this.timeType = timeType;
        this.blobType = blobType;
        this.now = now;
    }

    /** The driver itself, so connecting never depends on DriverManager seeing Flink's user-code class loader. */
    public abstract Driver driver();

    public abstract void bindTime(PreparedStatement ps, int index, long epochMillis) throws SQLException;

    public abstract long readTime(ResultSet rs, String column) throws SQLException;

    /** @throws IllegalArgumentException for a URL of another database */
    public static SqlDialect of(String url) {
        for (SqlDialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported database URL " + StreamUrls.mask(url)
                + ": expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
}
