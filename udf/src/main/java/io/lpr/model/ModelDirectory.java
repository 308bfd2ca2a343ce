package io.lpr.model;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The directory that holds the model files, chosen by flag, then {@code LPR_MODELS_DIR}, then
 * {@code models/weights}. Nothing is ever downloaded at run time: a missing file is an error that says
 * how to get it.
 */
public final class ModelDirectory implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ENV = "LPR_MODELS_DIR";
    public static final String DEFAULT = "models/weights";

    private final String path;

    public ModelDirectory(String path) {
        this.path = Paths.get(path).toAbsolutePath().normalize().toString();
    }

    /** The flag's value when given, else the environment's, else the default. */
    public static ModelDirectory resolve(String flag) {
        if (flag != null && !flag.isBlank()) {
            return new ModelDirectory(flag);
        }
        String env = System.getenv(ENV);
        return new ModelDirectory(env != null && !env.isBlank() ? env : DEFAULT);
    }

    /** {@code lpr.models.dir} ({@link ModelDirectoryOptions}), else as {@link #resolve} without a flag. */
    public static ModelDirectory from(ReadableConfig c) {
        return resolve(c.get(ModelDirectoryOptions.DIR));
    }

    public Path path() {
        return Paths.get(path);
    }

    /** The named file, which must exist and be readable. */
    public Path file(String name) {
        Path file = path().resolve(name);
        if (!Files.isDirectory(path())) {
            throw new ModelException("model directory not found: " + path
                    + " (give --models DIR, set " + ENV + ", or run models/fetch)");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ModelException("model file missing: " + file
                    + " (give --models DIR, set " + ENV + ", or run models/fetch)");
        }
        return file;
    }

    @Override
    public String toString() {
        return path;
    }
}
