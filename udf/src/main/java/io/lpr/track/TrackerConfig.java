package io.lpr.track;

import java.io.Serializable;

/**
 * How reads of one camera are grouped into vehicle passages; checked when built.
 *
 * @param passageGapMs a passage ends when its plate has not been read for this long (event time)
 * @param minIou boxes in consecutive reads overlapping at least this much belong to the same plate
 * @param maxTextDistance texts this close (edit distance) with nearby boxes are misreads of the same plate
 * @param minFrames passages with fewer readable frames are dropped as noise
 */
public record TrackerConfig(long passageGapMs, float minIou, int maxTextDistance, int minFrames)
        implements Serializable {
    /** The defaults, written here once; the job's settings show them. */
    public static final TrackerConfig DEFAULTS = new TrackerConfig(3_000, 0.1f, 2, 2);

    public TrackerConfig {
        if (passageGapMs <= 0) {
            throw new IllegalArgumentException("tracker passage gap must be positive, got " + passageGapMs + " ms");
        }
        if (minIou < 0 || minIou > 1) {
            throw new IllegalArgumentException("tracker min IoU must be in [0, 1], got " + minIou);
        }
        if (maxTextDistance < 0 || minFrames < 1) {
            throw new IllegalArgumentException("tracker text distance must be >= 0 and min frames >= 1");
        }
    }

    public TrackerConfig withPassageGapMs(long millis) {
        return new TrackerConfig(millis, minIou, maxTextDistance, minFrames);
    }

    public TrackerConfig withMinFrames(int frames) {
        return new TrackerConfig(passageGapMs, minIou, maxTextDistance, frames);
    }
}
