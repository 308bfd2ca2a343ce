package io.lpr.db;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** The events database, {@code lpr.sink.*} ({@link SinkConfig}, whose defaults they show). */
public final class SinkOptions {
    private SinkOptions() {}

    public static final ConfigOption<String> JDBC_URL = key("lpr.sink.jdbc-url").stringType()
            .defaultValue(SinkConfig.DEFAULTS.jdbcUrl())
            .withDescription("Events database: jdbc:sqlite:FILE or jdbc:postgresql://...");
    public static final ConfigOption<String> USER = key("lpr.sink.user").stringType().noDefaultValue()
            .withDescription("Database user (PostgreSQL); unset: $LPR_DB_USER.");
    public static final ConfigOption<String> PASSWORD_ENV = key("lpr.sink.password-env").stringType()
            .defaultValue(SinkConfig.DEFAULTS.passwordEnv())
            .withDescription("Environment variable holding the database password.");
}
