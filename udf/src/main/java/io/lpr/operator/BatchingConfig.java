package io.lpr.operator;

import java.io.Serializable;
import java.time.Duration;

/** How a model's requests are queued: worker threads (each with its own predictor) and batch limits. */
public class BatchingConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public int workers = 1;
    public int maxBatch = 32;
    public long maxDelayMs = 20;
    /** Requests in flight per operator subtask before the async operator applies back-pressure. */
    public int capacity = 64;
    /** A request unanswered this long is dropped and counted instead of failing the job. */
    public long timeoutMs = 120_000;

    public BatchingConfig() {}

    public BatchingConfig(int workers, int maxBatch, long maxDelayMs) {
        this.workers = workers;
        this.maxBatch = maxBatch;
        this.maxDelayMs = maxDelayMs;
    }

    public Duration maxDelay() {
        return Duration.ofMillis(maxDelayMs);
    }

    public BatchingConfig validate(String what) {
        if (workers < 1 || maxBatch < 1 || maxDelayMs < 0 || capacity < 1 || timeoutMs < 1) {
            throw new IllegalArgumentException(what + ": workers, batch, capacity and timeout must be >= 1 and"
                    + " the batch delay >= 0");
        }
        return this;
    }
}
