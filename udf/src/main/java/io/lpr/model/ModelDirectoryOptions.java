package io.lpr.model;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** Where the model files are, {@code lpr.models.*} ({@link ModelDirectory}). */
public final class ModelDirectoryOptions {
    private ModelDirectoryOptions() {}

    public static final ConfigOption<String> DIR = key("lpr.models.dir").stringType().noDefaultValue()
            .withDescription("Directory with the model files. Unset: $" + ModelDirectory.ENV + ", else "
                    + ModelDirectory.DEFAULT + ".");
}
