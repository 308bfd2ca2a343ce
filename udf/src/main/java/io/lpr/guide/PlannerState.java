package io.lpr.guide;

import java.util.Arrays;

/**
 * What decides {@link RegionPlanner}'s next plan besides the frame's targets, for a checkpoint (the tilings follow
 * from the frame size and the settings).
 *
 * @param width frame width planned for, -1 before the first frame
 * @param height frame height planned for, -1 before the first frame
 * @param lastScan per tile of the full tiling, in its order: when it was last scanned (ms)
 * @param lastTime the time of the last frame planned (ms), {@link Long#MIN_VALUE} before the first
 * @param sweepCredit tiles the sweep has earned and not yet spent
 * @param startScansLeft full scans still owed to the start
 * @param startTilesLeft tiles still owed to the start's later looks, spread over its next frames
 */
public record PlannerState(int width, int height, long[] lastScan, long lastTime, double sweepCredit,
        int startScansLeft, int startTilesLeft) {
    public PlannerState {
        lastScan = lastScan.clone();
    }

    /** A state with no later looks owed (version 1 of the checkpoint: its starts were full scans only). */
    public PlannerState(int width, int height, long[] lastScan, long lastTime, double sweepCredit, int startScansLeft) {
        this(width, height, lastScan, lastTime, sweepCredit, startScansLeft, 0);
    }

    @Override
    public long[] lastScan() {
        return lastScan.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlannerState s && s.width == width && s.height == height && Arrays.equals(s.lastScan, lastScan)
                && s.lastTime == lastTime && Double.compare(s.sweepCredit, sweepCredit) == 0
                && s.startScansLeft == startScansLeft && s.startTilesLeft == startTilesLeft;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * width + height) + Arrays.hashCode(lastScan)) + Long.hashCode(lastTime);
    }

    @Override
    public String toString() {
        return "PlannerState[" + width + "x" + height + ", " + lastScan.length + " tiles, last " + lastTime + " ms, credit "
                + sweepCredit + ", " + startScansLeft + " start scans and " + startTilesLeft + " tiles left]";
    }
}
