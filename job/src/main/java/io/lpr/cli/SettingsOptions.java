package io.lpr.cli;

import io.lpr.job.JobConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --models}, {@code --config FILE} and {@code --set key=value}: the job's typed settings, for every command
 * that reads them (inherited by subcommands, so {@code lpr cameras list --set ...} works too).
 */
public final class SettingsOptions {
    @Mixin
    ModelOptions models = new ModelOptions();

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, description = "YAML file of lpr.* settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT, description = "Overrides one setting, e.g. --set lpr.camera.sample-fps=2.")
    List<String> overrides = new ArrayList<>();

    public JobConfiguration configuration() throws IOException {
        return new JobConfiguration()
                .file(configFile)
                .overrides(overrides)
                .set(io.lpr.model.ModelDirectoryOptions.DIR.key(), models.directory().toString());
    }
}
