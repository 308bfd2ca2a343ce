package io.lpr.cli;

import io.lpr.db.SinkOptions;
import io.lpr.db.Database;
import io.lpr.job.JobConfiguration;
import io.lpr.settings.LprSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --db JDBC_URL} and {@code --user}, for the commands that read or edit the job's database. What they
 * leave out comes from the settings ({@code lpr.sink.*}), so every command finds the database, its user and
 * its password the way the job does.
 */
public final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "The job's database (default: lpr.sink.jdbc-url, " + Database.DEFAULT_URL + "); the PostgreSQL "
                    + "password comes from the variable lpr.sink.password-env names ($" + Database.DEFAULT_PASSWORD_ENV + ").")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT,
            description = "Database user (PostgreSQL); default lpr.sink.user, else $" + Database.USER_ENV + ".")
    String user;

    public Database database(JobConfiguration settings) {
        return LprSettings.database(settings
                .set(SinkOptions.JDBC_URL.key(), url)
                .set(SinkOptions.USER.key(), user)
                .build());
    }
}
