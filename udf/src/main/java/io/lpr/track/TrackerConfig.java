package io.lpr.track;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How reads of one camera are grouped into vehicle passages; checked when built.
 *
 * @param passageGap a passage ends when its plate has not been read for this long (event time)
 * @param minIou boxes in consecutive reads overlapping at least this much belong to the same plate
 * @param maxTextDistance texts this close (edit distance) with nearby boxes are misreads of the same plate
 * @param minFrames passages with fewer readable frames are dropped as noise
 */
public record TrackerConfig(Duration passageGap, float minIou, int maxTextDistance, int minFrames)
        implements Serializable {
    /** The defaults, written here once; {@link TrackerOptions} shows them. */
    public static final TrackerConfig DEFAULTS = new TrackerConfig(Duration.ofSeconds(3), 0.1f, 2, 2);

    /** @throws IllegalArgumentException naming the bad setting */
    public TrackerConfig {
        if (passageGap == null || passageGap.toMillis() <= 0) {
            throw new IllegalArgumentException("lpr.tracker.passage-gap must be positive, got " + passageGap);
        }
        if (minIou < 0 || minIou > 1) {
            throw new IllegalArgumentException("tracker min IoU must be in [0, 1], got " + minIou);
        }
        if (maxTextDistance < 0) {
            throw new IllegalArgumentException("tracker text distance must be >= 0, got " + maxTextDistance);
        }
        if (minFrames < 1) {
            throw new IllegalArgumentException("lpr.tracker.min-frames must be at least 1, got " + minFrames);
        }
    }

    /** The {@code lpr.tracker.*} settings ({@link TrackerOptions}), checked. */
    public static TrackerConfig from(ReadableConfig c) {
        return DEFAULTS.withPassageGap(c.get(TrackerOptions.PASSAGE_GAP)).withMinFrames(c.get(TrackerOptions.MIN_FRAMES));
    }

    public TrackerConfig withPassageGap(Duration value) {
        return new TrackerConfig(value, minIou, maxTextDistance, minFrames);
    }

    public TrackerConfig withMinIou(float value) {
        return new TrackerConfig(passageGap, value, maxTextDistance, minFrames);
    }

    public TrackerConfig withMaxTextDistance(int value) {
        return new TrackerConfig(passageGap, minIou, value, minFrames);
    }

    public TrackerConfig withMinFrames(int value) {
        return new TrackerConfig(passageGap, minIou, maxTextDistance, value);
    }
}
