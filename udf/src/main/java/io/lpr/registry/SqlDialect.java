package io.lpr.registry;

import io.lpr.source.StreamUrls;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What differs between SQLite and PostgreSQL for the camera tables, stored the way the job's
 * {@code plate_events} table stores them: instants as TIMESTAMPTZ on PostgreSQL and as UTC
 * ISO-8601 text with three fraction digits on SQLite (fixed width, so text order is time order).
 */
enum SqlDialect {
    SQLITE("jdbc:sqlite:", "TEXT", "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))") {
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
    POSTGRES("jdbc:postgresql:", "TIMESTAMPTZ", "now()") {
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

    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final String urlPrefix;
    final String timeType;
    /** The current time as a column default, in the stored form. */
    final String now;

    SqlDialect(String urlPrefix, String timeType, String now) {
        this.urlPrefix = urlPrefix;
        this.timeType = timeType;
        this.now = now;
    }

    /** The driver itself, so connecting never depends on DriverManager seeing Flink's user-code class loader. */
    abstract Driver driver();

    abstract void bindTime(PreparedStatement ps, int index, long epochMillis) throws SQLException;

    abstract long readTime(ResultSet rs, String column) throws SQLException;

    /** @throws IllegalArgumentException for a URL of another database */
    static SqlDialect of(String url) {
        for (SqlDialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported database URL " + StreamUrls.mask(url)
                + ": expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
}
