package io.lpr.sink;

import io.lpr.db.SqlDialect;
import io.lpr.registry.JdbcDatabase;
import io.lpr.source.StreamUrls;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where plate events are stored: a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB}), a
 * user, and the name of the environment variable holding the password. The password itself is read when a
 * connection opens, on whichever machine that is, so it never travels with the job graph, never lands in a
 * checkpoint and is never logged. A value without the {@code jdbc:} prefix is taken as a SQLite file path.
 */
public final class Database implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_URL = "jdbc:sqlite:plates.db";
    /** Environment variables read by {@link #fromEnvironment}: passwords never travel on a command line. */
    public static final String PASSWORD_ENV = "LPR_DB_PASSWORD";
    public static final String USER_ENV = "LPR_DB_USER";


    private final String url;
    private final String user;
    private final JdbcDatabase jdbc;

    private Database(String url, String user, String passwordEnv) {
        this.url = url;
        this.user = blankToNull(user);
        requireSupported(url);
        this.jdbc = JdbcDatabase.of(url, this.user, passwordEnv);
    }

    /**
     * @param user null for none (SQLite ignores it)
     * @param passwordEnv the environment variable holding the password, or null for none
     */
    public static Database of(String url, String user, String passwordEnv) {
        if (url == null || url.isBlank()) {
            throw new DatabaseException("no database URL given: use e.g. " + DEFAULT_URL);
        }
        String trimmed = url.trim();
        return new Database(trimmed.startsWith("jdbc:") ? trimmed : "jdbc:sqlite:" + trimmed, user, passwordEnv);
    }

    /** The password from {@value #PASSWORD_ENV}; the user, when {@code user} is null, from {@value #USER_ENV}. */
    public static Database fromEnvironment(String url, String user) {
        return of(url, user != null ? user : System.getenv(USER_ENV), PASSWORD_ENV);
    }

    public String url() {
        return url;
    }

    public String maskedUrl() {
        return mask(url);
    }

    public boolean isSqlite() {
        return dialect() == SqlDialect.SQLITE;
    }

    SqlDialect dialect() {
        return jdbc.dialect();
    }

    /** The same database for the job's other tables (cameras, camera status). */
    public JdbcDatabase jdbc() {
        return jdbc;
    }

    private static void requireSupported(String url) {
        try {
            SqlDialect.of(url);
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
            return jdbc.connect();
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to " + maskedUrl() + ": " + mask(firstLine(e)), e);
        }
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
    public void requireExisting() {
        sqliteFile().filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw new DatabaseException("no SQLite database at " + file);
        });
    }

    /** The file behind a plain {@code jdbc:sqlite:PATH} URL; empty for in-memory and {@code file:} URI forms. */
    private Optional<Path> sqliteFile() {
        if (!isSqlite()) {
            return Optional.empty();
        }
        String spec = url.substring(dialect().urlPrefix.length());
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
