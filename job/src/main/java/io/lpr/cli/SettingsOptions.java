package io.lpr.cli;

import io.lpr.job.JobConfiguration;
import io.lpr.settings.LprSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --config FILE} and {@code --set key=value}: the job's typed settings, for every command that reads them
 * (inherited by subcommands, so {@code lpr cameras list --set ...} works too). Every command checks all of them
 * as {@code run} does, so a bad value is refused wherever it is given.
 */
public final class SettingsOptions {
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, description = "YAML file of lpr.* settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT, description = "Overrides one setting, e.g. --set lpr.camera.sample-fps=2.")
    List<String> overrides = new ArrayList<>();

    /** The settings given, each checked ({@link LprSettings#from}); callers may add the values of their own flags. */
    public JobConfiguration configuration() throws IOException {
        JobConfiguration configuration = new JobConfiguration().file(configFile).overrides(overrides);
        LprSettings.from(configuration.build());
        return configuration;
    }

    /** As {@link #configuration()}, with the model directory {@code --models} names. */
    public JobConfiguration configuration(ModelOptions models) throws IOException {
        return models.applyTo(configuration());
    }
}
