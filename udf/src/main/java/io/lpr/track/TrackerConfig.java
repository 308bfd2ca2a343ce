package io.lpr.track;

import java.io.Serializable;

/** How reads of one camera are grouped into vehicle passages. */
public class TrackerConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A passage ends when its plate has not been read for this long (event time). */
    public long passageGapMs = 3_000;
    /** Boxes in consecutive reads overlapping at least this much belong to the same plate. */
    public float minIou = 0.1f;
    /** Texts this close (edit distance) with nearby boxes are misreads of the same plate. */
    public int maxTextDistance = 2;
    /** Passages with fewer readable frames are dropped as noise. */
    public int minFrames = 2;

    public TrackerConfig validate() {
        if (passageGapMs <= 0) {
            throw new IllegalArgumentException("tracker passage gap must be positive, got " + passageGapMs + " ms");
        }
        if (minIou < 0 || minIou > 1) {
            throw new IllegalArgumentException("tracker min IoU must be in [0, 1], got " + minIou);
        }
        if (maxTextDistance < 0 || minFrames < 1) {
            throw new IllegalArgumentException("tracker text distance must be >= 0 and min frames >= 1");
        }
        return this;
    }
}
