package io.lpr.recognize;

import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * When a tracked plate is sure enough to be read only now and then ({@link SureReads}); checked when built.
 *
 * @param every a sure plate is read on every {@code every}th of its frames, skipped on the others; 1 reads every
 *     frame (the feature off)
 * @param reads this many consecutive reads of the same text make a plate sure
 * @param confidence each of those reads at least this confident (0..1)
 */
public record SureReadsConfig(int every, int reads, double confidence) implements Serializable {
    /** The defaults, written here once; {@link RecognizerOptions} shows them. */
    public static final SureReadsConfig DEFAULTS = new SureReadsConfig(5, 3, 0.9);
    /** Every crop read. */
    public static final SureReadsConfig OFF = DEFAULTS.withEvery(1);

    /** @throws IllegalArgumentException naming the bad setting */
    public SureReadsConfig {
        if (every < 1) {
            throw new IllegalArgumentException("lpr.recognizer.sure-every must be at least 1 (1 reads every frame), got "
                    + every);
        }
        if (reads < 1) {
            throw new IllegalArgumentException("lpr.recognizer.sure-reads must be at least 1, got " + reads);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("lpr.recognizer.sure-confidence must be in [0, 1], got " + confidence);
        }
    }

    /** The {@code lpr.recognizer.sure-*} settings ({@link RecognizerOptions}), checked. */
    public static SureReadsConfig from(ReadableConfig c) {
        return new SureReadsConfig(c.get(RecognizerOptions.SURE_EVERY), c.get(RecognizerOptions.SURE_READS),
                c.get(RecognizerOptions.SURE_CONFIDENCE));
    }

    /** Whether any crop is ever skipped. */
    public boolean enabled() {
        return every > 1;
    }

    public SureReadsConfig withEvery(int value) {
        return new SureReadsConfig(value, reads, confidence);
    }

    public SureReadsConfig withReads(int value) {
        return new SureReadsConfig(every, value, confidence);
    }

    public SureReadsConfig withConfidence(double value) {
        return new SureReadsConfig(every, reads, value);
    }
}
