package io.lpr.job;

import io.lpr.db.Database;
import io.lpr.db.SinkOptions;
import io.lpr.settings.LprSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --db JDBC_URL} and {@code --user}, for every command that reads or writes the job's database ({@code run}
 * and {@code demo} also know {@code --db} by its older name {@code --sink}). What they leave out comes from the
 * settings ({@code lpr.sink.*}), so every command finds the database, its user and its password the way the job does.
 */
public final class DatabaseOptions {
    @Option(names = {"--db", "--sink"}, paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "The job's database, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB (default: lpr.sink.jdbc-url, "
                    + Database.DEFAULT_URL + "); the PostgreSQL password comes from the variable lpr.sink.password-env "
                    + "names ($" + Database.DEFAULT_PASSWORD_ENV + "). --sink is its older name.")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT,
            description = "Database user (PostgreSQL); default lpr.sink.user, else $" + Database.USER_ENV + ".")
    String user;

    /** The flags given, as settings over {@code configuration}'s. */
    public JobConfiguration applyTo(JobConfiguration configuration) {
        return configuration
                .set(SinkOptions.JDBC_URL.key(), url)
                .set(SinkOptions.USER.key(), user);
    }

    /** The database these flags and {@code settings} name; every setting is checked first, as {@code run} checks them. */
    public Database database(JobConfiguration settings) {
        return LprSettings.from(applyTo(settings).build()).database();
    }
}
