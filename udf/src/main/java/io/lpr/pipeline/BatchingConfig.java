package io.lpr.pipeline;

import java.io.Serializable;
import java.time.Duration;

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
    /** The defaults, written here once; the job's settings show them. */
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

    public BatchingConfig {
        if (workers < 1 || maxBatch < 1 || maxDelay == null || maxDelay.isNegative() || capacity < 1
                || timeout == null || timeout.isNegative() || timeout.isZero() || maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("workers, batch, capacity, timeout and failures in a row must be"
                    + " >= 1 and the batch delay >= 0");
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
