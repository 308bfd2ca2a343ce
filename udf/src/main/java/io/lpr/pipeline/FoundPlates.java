package io.lpr.pipeline;

import io.lpr.event.PlateCandidate;
import io.lpr.guide.Plan;
import java.util.List;

/**
 * What detection made of one frame: the plate candidates, the regions it scanned and why, the model calls
 * those took, and how many weak boxes (below the detector threshold: watched, not candidates) it saw.
 */
public record FoundPlates(List<PlateCandidate> candidates, Plan plan, int detectorCalls, int weakBoxes) {
    /** Without weak boxes. */
    public FoundPlates(List<PlateCandidate> candidates, Plan plan, int detectorCalls) {
        this(candidates, plan, detectorCalls, 0);
    }
}
