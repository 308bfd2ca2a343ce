package io.lpr.cli;

import io.lpr.job.JobConfiguration;
import io.lpr.model.ModelDirectory;
import io.lpr.model.ModelDirectoryOptions;
import picocli.CommandLine.Option;

/** {@code --models DIR}, for the commands that load the models (and only those). */
public final class ModelOptions {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Model directory (default: lpr.models.dir, else $LPR_MODELS_DIR, else models/weights).")
    String modelsDir;

    /** The flag, when given, over the settings' {@code lpr.models.dir}. */
    public JobConfiguration applyTo(JobConfiguration configuration) {
        return configuration.set(ModelDirectoryOptions.DIR.key(), modelsDir);
    }

    public ModelDirectory directory() {
        return ModelDirectory.resolve(modelsDir);
    }
}
