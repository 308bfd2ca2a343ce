package io.lpr.db;

import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Which database the events go to and as whom; checked when built. Holds no password, only the name of the
 * variable that holds it, so it is safe to ship and log (with {@link Database#mask} for the URL).
 *
 * @param jdbcUrl jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB
 * @param user the database user; null: {@code $LPR_DB_USER}, else none
 * @param passwordEnv the environment variable holding the password
 */
public record SinkConfig(String jdbcUrl, String user, String passwordEnv) implements Serializable {
    public static final SinkConfig DEFAULTS = new SinkConfig(Database.DEFAULT_URL, null, Database.DEFAULT_PASSWORD_ENV);

    /** One rule for every command that names the database ({@code run --sink}, {@code query --db}, ...). */
    public SinkConfig {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("the database must be a JDBC URL, jdbc:sqlite:FILE or "
                    + "jdbc:postgresql://HOST/DB, got '" + (jdbcUrl == null ? "" : Database.mask(jdbcUrl))
                    + "' (--sink, --db, lpr.sink.jdbc-url)");
        }
        if (passwordEnv == null || passwordEnv.isBlank()) {
            throw new IllegalArgumentException("lpr.sink.password-env must name an environment variable");
        }
    }

    /** The {@code lpr.sink.*} settings ({@link SinkOptions}), checked. */
    public static SinkConfig from(ReadableConfig c) {
        return new SinkConfig(c.get(SinkOptions.JDBC_URL), c.getOptional(SinkOptions.USER).orElse(null),
                c.get(SinkOptions.PASSWORD_ENV));
    }

    public SinkConfig withJdbcUrl(String value) {
        return new SinkConfig(value, user, passwordEnv);
    }

    public SinkConfig withUser(String value) {
        return new SinkConfig(jdbcUrl, value, passwordEnv);
    }

    public SinkConfig withPasswordEnv(String value) {
        return new SinkConfig(jdbcUrl, user, value);
    }

    /** The database, its user and password resolved as for every command ({@link Database#resolve}). */
    public Database database() {
        return Database.resolve(jdbcUrl, user, passwordEnv);
    }

    @Override
    public String toString() {
        return "SinkConfig[jdbcUrl=" + Database.mask(jdbcUrl) + ", user=" + user + ", passwordEnv=" + passwordEnv + "]";
    }
}
