package io.lpr.guide;

import io.lpr.event.Box;

/**
 * Whether a plate box could be read at all, judged from its geometry alone, so the guide decides it the same way
 * on a replay (the recogniser's word comes later, in another operator, at a time no replay repeats). Two kinds of
 * box cannot be read: one narrower than the recogniser can read (on the labelled street, plates whose boxes were
 * 15-32 px wide never gave a valid text, 37 px ones did; docs/performance.md), and one cut by the frame's edge (the detector's boxes are clipped to
 * the frame, so the plate goes on beyond it and the recogniser sees part of it). The detector still reports them
 * and they are still read where a region holds them; the guide only does not track them, so a static box of this
 * kind (a street's lettering, a plate half out of the picture) costs the sweep's visits, not a tile of every size
 * on every frame. A car that brings such a box moves, and motion scans it.
 */
final class ReadableBox {
    /** How close to the frame's edge (px) a box is cut by it: clipped boxes end on it, give or take rounding. */
    static final float EDGE = 1f;

    private ReadableBox() {}

    /** Whether {@code box}, in a frame of this size, is wide enough and whole enough to be read. */
    static boolean mayBeRead(Box box, int frameWidth, int frameHeight, int minWidth) {
        return box.width() >= minWidth && box.x1 >= EDGE && box.y1 >= EDGE && box.x2 <= frameWidth - EDGE
                && box.y2 <= frameHeight - EDGE;
    }
}
