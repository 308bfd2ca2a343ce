package io.lpr.sink;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How long stored events and their pictures are kept ({@link RetentionOptions}), and how the sweep that deletes
 * the expired ones paces itself. A null duration keeps that kind of data for ever.
 *
 * @param events events whose last sighting is older than this are deleted, or null to keep them
 * @param snapshots the pictures of events older than this (the crop and the full-frame snapshot) are deleted, the
 *     event's row kept, or null to keep them
 * @param batchRows rows one statement deletes or clears: a short transaction, so the sink's writes wait little
 * @param pause between two batches, so a large backlog never holds the database for long
 * @param period between two sweeps; the first runs when the sink starts
 */
public record RetentionConfig(Duration events, Duration snapshots, int batchRows, Duration pause, Duration period)
        implements Serializable {
    public static final RetentionConfig DEFAULTS =
            new RetentionConfig(null, null, 500, Duration.ofMillis(100), Duration.ofMinutes(1));

    public RetentionConfig {
        requirePositive("lpr.retention.events", events);
        requirePositive("lpr.retention.snapshots", snapshots);
        if (batchRows <= 0 || pause == null || pause.isNegative() || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("retention batch rows and period must be positive and the pause not "
                    + "negative, got " + batchRows + ", " + period + " and " + pause);
        }
    }

    /** The retention settings, checked: a duration that is not positive is an IllegalArgumentException naming it. */
    public static RetentionConfig from(ReadableConfig c) {
        return DEFAULTS.withEvents(c.getOptional(RetentionOptions.EVENTS).orElse(null))
                .withSnapshots(c.getOptional(RetentionOptions.SNAPSHOTS).orElse(null));
    }

    /** Whether anything is ever deleted. */
    public boolean enabled() {
        return events != null || snapshots != null;
    }

    public RetentionConfig withEvents(Duration value) {
        return new RetentionConfig(value, snapshots, batchRows, pause, period);
    }

    public RetentionConfig withSnapshots(Duration value) {
        return new RetentionConfig(events, value, batchRows, pause, period);
    }

    public RetentionConfig withBatchRows(int value) {
        return new RetentionConfig(events, snapshots, value, pause, period);
    }

    public RetentionConfig withPause(Duration value) {
        return new RetentionConfig(events, snapshots, batchRows, value, period);
    }

    public RetentionConfig withPeriod(Duration value) {
        return new RetentionConfig(events, snapshots, batchRows, pause, value);
    }

    private static void requirePositive(String key, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(key + " must be positive, got " + value + "; leave it unset to keep the data");
        }
    }
}
