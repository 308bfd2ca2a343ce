package io.lpr.registry;

import io.lpr.db.SqlDialect;
import java.io.Serializable;
import io.lpr.source.StreamUrls;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database of the job (events, the camera registry, the {@code camera_status} table): SQLite or PostgreSQL.
 * The password is not part of it: it is read from an environment variable when connecting (on
 * the job manager), so it never travels with the job. Safe to log.
 */
public final class JdbcDatabase implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the job's sink reads its password from, too. */
    public static final String DEFAULT_PASSWORD_ENV = "LPR_DB_PASSWORD";
    /** Lets the job's sink and these tables share a SQLite file: wait for its lock instead of failing. */
    private static final String SQLITE_BUSY_TIMEOUT_MS = "10000";

    private final String url;
    private final String user;
    private final String passwordEnv;
    private final SqlDialect dialect;

    private JdbcDatabase(String url, String user, String passwordEnv) {
        this.url = url;
        this.user = user;
        this.passwordEnv = passwordEnv;
        this.dialect = SqlDialect.of(url);
    }

    /**
     * @param url {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST[:PORT]/DATABASE}
     * @param user null for none (SQLite ignores it)
     * @param passwordEnv the environment variable holding the password, or null for none
     * @throws IllegalArgumentException for another kind of URL
     */
    public static JdbcDatabase of(String url, String user, String passwordEnv) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no database URL given: use e.g. jdbc:sqlite:plates.db");
        }
        return new JdbcDatabase(url.trim(), blankToNull(user), blankToNull(passwordEnv));
    }

    public String maskedUrl() {
        return StreamUrls.mask(url);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** @throws SQLException with the driver's reason; callers add {@link #maskedUrl()} to it */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (dialect == SqlDialect.SQLITE) {
            props.setProperty("busy_timeout", SQLITE_BUSY_TIMEOUT_MS);
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

    /** One line for a failed database call, the URL masked. */
    String describe(String what, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return what + " in " + maskedUrl() + " failed: " + StreamUrls.mask(newline < 0 ? message : message.substring(0, newline));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return maskedUrl() + (user != null ? " (user " + user + ")" : "");
    }
}
