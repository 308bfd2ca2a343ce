package io.lpr.guide;

import io.lpr.detect.Tiler;
import java.util.List;

/**
 * The detector regions of one frame and why each was chosen.
 *
 * @param regions the regions to run, in frame pixels; each is one model input
 * @param fromMotion regions chosen around motion
 * @param fromTracks regions chosen around plates tracked in the last frames
 * @param fromSweep tiles of the full tiling scanned by the slow sweep (all of them on a full scan)
 * @param fromWatch regions chosen around weak boxes (below the detector threshold) seen in the last frames
 */
public record Plan(List<Tiler.Tile> regions, int fromMotion, int fromTracks, int fromSweep, int fromWatch) {
    public Plan {
        regions = List.copyOf(regions);
    }

    /** A plan with no watched regions. */
    public Plan(List<Tiler.Tile> regions, int fromMotion, int fromTracks, int fromSweep) {
        this(regions, fromMotion, fromTracks, fromSweep, 0);
    }

    /** Pixels of the frame the detector looks at (overlaps counted once per region). */
    public long pixels() {
        long pixels = 0;
        for (Tiler.Tile region : regions) {
            pixels += (long) region.width() * region.height();
        }
        return pixels;
    }
}
