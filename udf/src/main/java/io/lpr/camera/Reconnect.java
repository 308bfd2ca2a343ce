package io.lpr.camera;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a live camera retries after its stream fails to open or drops: exponential backoff from
 * {@code initialDelay}, times {@code multiplier} per failed attempt, capped at {@code maxDelay}, each delay
 * drawn at random from its upper half (jitter, so cameras behind one failed switch do not all retry at once).
 * A failure that retrying will not fix (bad URL, 401, 404) is retried at the capped delay from the start. The
 * cap also bounds how long a camera whose server has come back waits before it resumes.
 */
public record Reconnect(Duration initialDelay, Duration maxDelay, double multiplier) implements Serializable {
    /** Retries after 0.5 s, 1 s, 2 s, 4 s, then every 5 s. */
    public static final Reconnect DEFAULT = new Reconnect(Duration.ofMillis(500), Duration.ofSeconds(5), 2);

    /** @throws IllegalArgumentException unless 0 < initial <= max (in whole milliseconds) and multiplier >= 1 */
    public Reconnect {
        if (initialDelay == null || maxDelay == null || initialDelay.toMillis() <= 0
                || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("reconnect delays must satisfy 0 < initial <= max, got initial "
                    + initialDelay + ", max " + maxDelay);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("reconnect multiplier must be a number >= 1, got " + multiplier);
        }
    }

    /** As the constructor, with the delays in milliseconds (as the split's serializer stores them). */
    public static Reconnect of(long initialDelayMillis, long maxDelayMillis, double multiplier) {
        return new Reconnect(Duration.ofMillis(initialDelayMillis), Duration.ofMillis(maxDelayMillis), multiplier);
    }

    public Reconnect withInitialDelay(Duration value) {
        return new Reconnect(value, maxDelay, multiplier);
    }

    public Reconnect withMaxDelay(Duration value) {
        return new Reconnect(initialDelay, value, multiplier);
    }

    public Reconnect withMultiplier(double value) {
        return new Reconnect(initialDelay, maxDelay, value);
    }

    @Override
    public String toString() {
        return "reconnect " + initialDelay.toMillis() + ".." + maxDelay.toMillis() + " ms x" + multiplier;
    }
}
