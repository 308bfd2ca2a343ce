package io.lpr.sink;

import io.lpr.db.SqlDialect;
import io.lpr.source.StreamUrls;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;

/**
 * Where plate events are stored: a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB}) plus
 * credentials. A value without the {@code jdbc:} prefix is taken as a SQLite file path. {@link #toString()} masks
 * the password, so an instance is safe to log.
 */
public final class Database implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_URL = "jdbc:sqlite:plates.db";
    /** Environment variables read by {@link #fromEnvironment}: passwords never travel on a command line. */
    public static final String PASSWORD_ENV = "LPR_DB_PASSWORD";
    public static final String USER_ENV = "LPR_DB_USER";

    /** Lets a reader (./lpr query) and the job's writer share a SQLite file: wait for the lock instead of failing. */
    private static final String SQLITE_BUSY_TIMEOUT_MS = "10000";


    private final String url;
    private final String user;
    private final String password;
    private final SqlDialect dialect;

    private Database(String url, String user, String password) {
        this.url = url;
        this.user = blankToNull(user);
        this.password = blankToNull(password);
        this.dialect = dialect(url);
    }

    /** {@code user} and {@code password} may be null (SQLite ignores both). */
    public static Database of(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new DatabaseException("no database URL given: use e.g. " + DEFAULT_URL);
        }
        String trimmed = url.trim();
        return new Database(trimmed.startsWith("jdbc:") ? trimmed : "jdbc:sqlite:" + trimmed, user, password);
    }

    /** The password from {@value #PASSWORD_ENV}; the user, when {@code user} is null, from {@value #USER_ENV}. */
    public static Database fromEnvironment(String url, String user) {
        return of(url, user != null ? user : System.getenv(USER_ENV), System.getenv(PASSWORD_ENV));
    }

    public String url() {
        return url;
    }

    public String maskedUrl() {
        return mask(url);
    }

    public boolean isSqlite() {
        return dialect == SqlDialect.SQLITE;
    }

    SqlDialect dialect() {
        return dialect;
    }

    private static SqlDialect dialect(String url) {
        try {
            return SqlDialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException(e.getMessage());
        }
    }

    /** The URL with any password in it (user:secret@ or password=secret) replaced by ***. */
    public static String mask(String url) {
        return StreamUrls.mask(url);
    }

    Connection connect() {
        try {
            Connection connection = dialect.driver().connect(url, properties());
            if (connection == null) {
                throw new DatabaseException("no JDBC driver accepts " + maskedUrl());
            }
            return connection;
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to " + maskedUrl() + ": " + firstLine(e), e);
        }
    }

    Properties properties() {
        Properties props = new Properties();
        if (isSqlite()) {
            props.setProperty("busy_timeout", SQLITE_BUSY_TIMEOUT_MS);
        } else {
            if (user != null) {
                props.setProperty("user", user);
            }
            if (password != null) {
                props.setProperty("password", password);
            }
        }
        return props;
    }

    JdbcConnectionOptions connectionOptions() {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder builder =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(url).withDriverName(dialect.driverClass);
        properties().forEach((k, v) -> builder.withProperty((String) k, (String) v));
        return builder.build();
    }

    /**
     * Fails with a line naming the file when a SQLite database could not be created there; the driver's own
     * message ("out of memory" on some platforms) does not say which path is wrong.
     */
    void requireCreatable() {
        sqliteFile().filter(file -> !Files.exists(file)).ifPresent(file -> {
            Path dir = file.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new DatabaseException("cannot create SQLite database " + file + ": directory " + dir
                        + " does not exist");
            }
            if (!Files.isWritable(dir)) {
                throw new DatabaseException("cannot create SQLite database " + file + ": directory " + dir
                        + " is not writable");
            }
        });
    }

    /** A reader must not silently create an empty database where a typo in the path put it. */
    void requireExisting() {
        sqliteFile().filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw new DatabaseException("no SQLite database at " + file);
        });
    }

    /** The file behind a plain {@code jdbc:sqlite:PATH} URL; empty for in-memory and {@code file:} URI forms. */
    private Optional<Path> sqliteFile() {
        if (!isSqlite()) {
            return Optional.empty();
        }
        String spec = url.substring(dialect.urlPrefix.length());
        int query = spec.indexOf('?');
        if (query >= 0) {
            spec = spec.substring(0, query);
        }
        if (spec.isBlank() || spec.startsWith(":memory:") || spec.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(spec).toAbsolutePath().normalize());
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return maskedUrl() + (user != null ? " (user " + user + ")" : "");
    }
}
