package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/**
 * {@code lpr serve}'s recognition endpoint, {@code lpr.serve.recognize.*} ({@link ServeConfig}, whose defaults they
 * show). The models and their batching are the job's own settings ({@code lpr.detector.*}, {@code lpr.recognizer.*}).
 */
public final class ServeOptions {
    private ServeOptions() {}

    public static final ConfigOption<MemorySize> MAX_BYTES = key("lpr.serve.recognize.max-bytes").memoryType()
            .defaultValue(new MemorySize(ServeConfig.DEFAULTS.maxBytes()))
            .withDescription("Largest image POST /api/recognize (lpr serve --recognize) takes; a larger body is "
                    + "answered 413.");
    public static final ConfigOption<Integer> CAPACITY = key("lpr.serve.recognize.capacity").intType()
            .defaultValue(ServeConfig.DEFAULTS.capacity())
            .withDescription("Images POST /api/recognize holds at once, queued or being read; one more is answered "
                    + "503 with Retry-After.");
}
