package io.lpr.settings;

import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How much {@code lpr serve}'s recognition endpoint takes in; checked when built.
 *
 * @param maxBytes the largest image body, in bytes
 * @param capacity images held at once (waiting for the models or being read): each holds a frame of the analysis
 *     size (6 MB at 1920x1080) and a caller's connection, and one more only waits longer
 */
public record ServeConfig(long maxBytes, int capacity) implements Serializable {
    /** 20 MiB takes a 4K PNG; 32 images keep the recogniser's batches full and a caller's wait under a minute on a CPU. */
    public static final ServeConfig DEFAULTS = new ServeConfig(20L << 20, 32);

    /** @throws IllegalArgumentException naming the bad setting */
    public ServeConfig {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("lpr.serve.recognize.max-bytes must be at least 1 byte, got " + maxBytes);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("lpr.serve.recognize.capacity must be at least 1, got " + capacity);
        }
    }

    /** {@code lpr.serve.recognize.*} ({@link ServeOptions}), checked. */
    public static ServeConfig from(ReadableConfig c) {
        return new ServeConfig(c.get(ServeOptions.MAX_BYTES).getBytes(), c.get(ServeOptions.CAPACITY));
    }

    public ServeConfig withCapacity(int value) {
        return new ServeConfig(maxBytes, value);
    }
}
