package io.lpr.source.reader;

import io.lpr.camera.Reconnect;
import java.util.function.DoubleSupplier;

/**
 * The delays before successive reconnect attempts of one camera, as its {@link Reconnect} policy
 * sets them. Not thread-safe.
 */
final class Backoff {
    private final Reconnect policy;
    /** Uniform in [0, 1). */
    private final DoubleSupplier random;
    private int failures;

    Backoff(Reconnect policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /**
     * The delay before the next attempt, after one more failure.
     *
     * @param permanent the failure will not go away by itself: wait the longest delay
     */
    long nextDelayMillis(boolean permanent) {
        double delay = permanent ? policy.maxDelay().toMillis()
                : Math.min(policy.maxDelay().toMillis(),
                        policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), Math.min(failures, 64)));
        failures++;
        return Math.round(delay * (0.5 + 0.5 * random.getAsDouble()));
    }

    /** Failed attempts since the last {@link #reset}. */
    int failures() {
        return failures;
    }

    /** After a successful connection: the next failure starts again at the initial delay. */
    void reset() {
        failures = 0;
    }
}
