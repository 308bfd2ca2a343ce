package io.lpr.runtime;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How a model's requests are queued and waited for; checked when built.
 *
 * @param workers worker threads, each with its own predictor
 * @param maxBatch most requests per model call
 * @param maxDelay longest a request waits for its batch to fill
 * @param capacity requests in flight per operator subtask before the async operator applies back-pressure
 * @param timeout a request unanswered this long counts as failed (see {@code io.lpr.operator.InferenceFunction})
 * @param maxConsecutiveFailures this many failed requests in a row, none answered in between, mean the model
 *     is broken rather than an input bad: the job fails, naming the model's error
 */
public record BatchingConfig(int workers, int maxBatch, Duration maxDelay, int capacity, Duration timeout,
        int maxConsecutiveFailures) implements Serializable {
    /** The defaults, written here once; the stages' options ({@code DetectorOptions}, {@code RecognizerOptions}) show them. */
    public static final BatchingConfig DEFAULTS =
            // Capacity: a stop drains every request in flight (64 frames took a minute), and on a CPU batches of
            // 8 crops read fastest (docs/performance.md), so 8 per subtask.
            new BatchingConfig(1, 32, Duration.ofMillis(20), 8, Duration.ofMinutes(2), 20);

    /**
     * The detector's defaults: a frame's tiles already go through the model together, so frames are not batched
     * with each other; and a frame is about a second of CPU work while a stop drains every frame in flight, so one
     * in flight per subtask, near the one worker.
     */
    public static final BatchingConfig DETECTOR_DEFAULTS = DEFAULTS.withBatch(1, Duration.ZERO).withCapacity(1);

    /**
     * @throws IllegalArgumentException naming the setting by its last key part ({@code capacity}); {@link #from}
     *     puts the stage's prefix before it
     */
    public BatchingConfig {
        require(workers >= 1, "workers must be at least 1, got " + workers);
        require(maxBatch >= 1, "max-batch must be at least 1, got " + maxBatch);
        require(maxDelay != null && !maxDelay.isNegative(), "max-delay must not be negative, got " + maxDelay);
        require(capacity >= 1, "capacity must be at least 1, got " + capacity);
        require(timeout != null && timeout.compareTo(Duration.ZERO) > 0, "timeout must be positive, got " + timeout);
        require(maxConsecutiveFailures >= 1,
                "max-consecutive-failures must be at least 1, got " + maxConsecutiveFailures);
    }

    /**
     * The keys one stage offers, and its defaults ({@link #DEFAULTS} or {@link #DETECTOR_DEFAULTS}), which hold
     * whatever the stage has no key for (a null key: the detector's batch).
     */
    public record Keys(String prefix, BatchingConfig defaults, ConfigOption<Integer> workers,
            ConfigOption<Integer> maxBatch, ConfigOption<Duration> maxDelay, ConfigOption<Integer> capacity,
            ConfigOption<Duration> timeout, ConfigOption<Integer> maxConsecutiveFailures) {}

    /** A stage's batching settings ({@code lpr.detector.*}, {@code lpr.recognizer.*}), checked. */
    public static BatchingConfig from(ReadableConfig c, Keys keys) {
        BatchingConfig fixed = keys.defaults();
        try {
            return new BatchingConfig(read(c, keys.workers(), fixed.workers), read(c, keys.maxBatch(), fixed.maxBatch),
                    read(c, keys.maxDelay(), fixed.maxDelay), read(c, keys.capacity(), fixed.capacity),
                    read(c, keys.timeout(), fixed.timeout),
                    read(c, keys.maxConsecutiveFailures(), fixed.maxConsecutiveFailures));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keys.prefix() + "." + e.getMessage(), e);
        }
    }

    private static <T> T read(ReadableConfig c, ConfigOption<T> key, T fixed) {
        return key == null ? fixed : c.get(key);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public BatchingConfig withWorkers(int value) {
        return new BatchingConfig(value, maxBatch, maxDelay, capacity, timeout, maxConsecutiveFailures);
    }

    public BatchingConfig withBatch(int value, Duration delay) {
        return new BatchingConfig(workers, value, delay, capacity, timeout, maxConsecutiveFailures);
    }

    public BatchingConfig withCapacity(int value) {
        return new BatchingConfig(workers, maxBatch, maxDelay, value, timeout, maxConsecutiveFailures);
    }

    public BatchingConfig withTimeout(Duration value) {
        return new BatchingConfig(workers, maxBatch, maxDelay, capacity, value, maxConsecutiveFailures);
    }

    public BatchingConfig withMaxConsecutiveFailures(int value) {
        return new BatchingConfig(workers, maxBatch, maxDelay, capacity, timeout, value);
    }
}
