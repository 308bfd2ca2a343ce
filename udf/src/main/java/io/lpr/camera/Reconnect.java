package io.lpr.camera;

import java.io.Serializable;

/**
 * How a live camera retries after its stream fails to open or drops: exponential backoff from
 * {@code initialDelayMillis}, times {@code multiplier} per failed attempt, capped at
 * {@code maxDelayMillis}, each delay drawn at random from its upper half (jitter, so cameras
 * behind one failed switch do not all retry at once). A failure that retrying will not fix (bad
 * URL, 401, 404) is retried at the capped delay from the start. The cap also bounds how long a
 * camera whose server has come back waits before it resumes.
 */
public record Reconnect(long initialDelayMillis, long maxDelayMillis, double multiplier) implements Serializable {
    /** Retries after 0.5 s, 1 s, 2 s, 4 s, then every 5 s. */
    public static final Reconnect DEFAULT = new Reconnect(500, 5_000, 2);

    /** @throws IllegalArgumentException unless 0 < initial <= max and multiplier >= 1 */
    public Reconnect {
        if (initialDelayMillis <= 0 || maxDelayMillis < initialDelayMillis) {
            throw new IllegalArgumentException("reconnect delays must satisfy 0 < initial <= max, got initial "
                    + initialDelayMillis + " ms, max " + maxDelayMillis + " ms");
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("reconnect multiplier must be a number >= 1, got " + multiplier);
        }
    }

    /** @throws IllegalArgumentException unless 0 < initial <= max and multiplier >= 1 */
    public static Reconnect of(long initialDelayMillis, long maxDelayMillis, double multiplier) {
        return new Reconnect(initialDelayMillis, maxDelayMillis, multiplier);
    }

    @Override
    public String toString() {
        return "reconnect " + initialDelayMillis + ".." + maxDelayMillis + " ms x" + multiplier;
    }
}
