package io.lpr.cli;

import io.lpr.model.ModelDirectory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --models DIR}, shared by every command that loads the models. */
public final class ModelOptions {
    @Option(names = "--models", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Model directory (default: $LPR_MODELS_DIR, else models/weights).")
    String modelsDir;

    public ModelDirectory directory() {
        return ModelDirectory.resolve(modelsDir);
    }
}
