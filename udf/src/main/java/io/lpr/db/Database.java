package io.lpr.db;

import io.lpr.util.Messages;
import io.lpr.camera.StreamUrls;
import java.io.Serializable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The job's database (plate events, the {@code cameras} registry, the {@code camera_status} table): a JDBC URL
 * ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB}), a user, and the name of the environment
 * variable holding the password. The password itself is read when a connection opens, on whichever machine
 * that is, so it never travels with the job graph, never lands in a checkpoint and is never logged. A value
 * without the {@code jdbc:} prefix is taken as a SQLite file path. Safe to log.
 */
public final class Database implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_URL = "jdbc:sqlite:plates.db";
    /** The one place the default password variable is named; {@code lpr.sink.password-env} defaults to it. */
    public static final String DEFAULT_PASSWORD_ENV = "LPR_DB_PASSWORD";
    /** Where the user comes from when neither a flag nor {@code lpr.sink.user} names one. */
    public static final String USER_ENV = "LPR_DB_USER";
    /** Lets the job's sink and the other tables share a SQLite file: wait for its lock instead of failing. */
    private static final String SQLITE_BUSY_TIMEOUT_MS = "10000";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final String url;
    private final String user;
    private final String passwordEnv;
    private final SqlDialect dialect;

    private Database(String url, String user, String passwordEnv) {
        this.url = url;
        this.user = blankToNull(user);
        this.passwordEnv = blankToNull(passwordEnv);
        try {
            this.dialect = SqlDialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException(e.getMessage());
        }
    }

    /**
     * @param url a JDBC URL, or a path taken as a SQLite file
     * @param user null for none (SQLite ignores it)
     * @param passwordEnv the environment variable holding the password, or null for none
     * @throws DatabaseException for a blank URL or one of another database
     */
    public static Database of(String url, String user, String passwordEnv) {
        if (url == null || url.isBlank()) {
            throw new DatabaseException("no database URL given: use e.g. " + DEFAULT_URL);
        }
        String trimmed = url.trim();
        return new Database(trimmed.startsWith("jdbc:") ? trimmed : "jdbc:sqlite:" + trimmed, user, passwordEnv);
    }

    /**
     * How every command and the job resolve the credentials: the user given, else {@value #USER_ENV}; the
     * password from the variable {@code passwordEnv} names, else from {@value #DEFAULT_PASSWORD_ENV}.
     */
    public static Database resolve(String url, String user, String passwordEnv) {
        return of(url, user != null && !user.isBlank() ? user : System.getenv(USER_ENV),
                passwordEnv != null && !passwordEnv.isBlank() ? passwordEnv : DEFAULT_PASSWORD_ENV);
    }

    /**
     * The same database, opened read-only by the driver ({@code lpr serve}): nothing can write through it, and
     * a missing SQLite file is never created.
     */
    public Database readOnly() {
        String flags = switch (dialect) {
            case SQLITE -> "open_mode=1"; // SQLITE_OPEN_READONLY, without SQLITE_OPEN_CREATE
            case POSTGRES -> "readOnly=true&readOnlyMode=always"; // a read-only session, in auto-commit mode too
        };
        return new Database(url + (url.contains("?") ? "&" : "?") + flags, user, passwordEnv);
    }

    public String url() {
        return url;
    }

    public String maskedUrl() {
        return mask(url);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public boolean isSqlite() {
        return dialect == SqlDialect.SQLITE;
    }

    /** The URL with any password in it (user:secret@ or password=secret) replaced by ***. */
    public static String mask(String url) {
        return StreamUrls.mask(url);
    }

    /** @throws SQLException with the driver's reason; callers add {@link #maskedUrl()} to it */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (dialect == SqlDialect.SQLITE) {
            props.setProperty("busy_timeout", SQLITE_BUSY_TIMEOUT_MS);
            createOwnerOnly();
        } else {
            if (user != null) {
                props.setProperty("user", user);
            }
            String password = passwordEnv == null ? null : System.getenv(passwordEnv);
            if (password != null) {
                props.setProperty("password", password);
            }
        }
        Connection connection = dialect.driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("no JDBC driver accepts " + maskedUrl());
        }
        return connection;
    }

    /** As {@link #connect()}, failing with one line that names the database. */
    public Connection open() {
        try {
            return connect();
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to " + maskedUrl() + ": " + mask(Messages.firstLine(e)), e);
        }
    }

    /** One line for a failed database call, the URL masked. */
    public String describe(String what, SQLException e) {
        return what + " in " + maskedUrl() + " failed: " + mask(Messages.firstLine(e));
    }

    /**
     * Fails with a line naming the file when a SQLite database could not be created there; the driver's own
     * message ("out of memory" on some platforms) does not say which path is wrong.
     */
    public void requireCreatable() {
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

    /**
     * A new SQLite file is created here, empty (a valid empty database) and readable by its owner only: the
     * events and the cameras table (whose URLs may hold passwords) are nobody else's. SQLite gives its
     * {@code -wal}, {@code -shm} and {@code -journal} files the database file's permissions. An existing file,
     * a read-only open and a directory that is not there are left to the driver (and its error).
     */
    private void createOwnerOnly() {
        if (url.contains("open_mode=1") || url.contains("mode=ro")) {
            return;
        }
        sqliteFile().filter(file -> !Files.exists(file) && Files.isDirectory(file.getParent())).ifPresent(file -> {
            try {
                Files.createFile(file, OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                // another connection made it first
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system, or not writable: the driver creates it, or says why it cannot
            }
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return maskedUrl() + (user != null ? " (user " + user + ")" : "");
    }
}
