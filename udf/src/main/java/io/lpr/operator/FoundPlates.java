package io.lpr.operator;

import io.lpr.event.PlateCandidate;
import io.lpr.guide.Plan;
import java.util.List;

/**
 * What detection made of one frame: the plate candidates, the regions it scanned and why, and the model calls
 * those took.
 */
public record FoundPlates(List<PlateCandidate> candidates, Plan plan, int detectorCalls) {}
