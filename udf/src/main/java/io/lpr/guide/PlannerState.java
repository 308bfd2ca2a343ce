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
 */
public record PlannerState(int width, int height, long[] lastScan, long lastTime, double sweepCredit,
        int startScansLeft) {
    public PlannerState {
        lastScan = lastScan.clone();
    }

    @Override
    public long[] lastScan() {
        return lastScan.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlannerState s && s.width == width && s.height == height && Arrays.equals(s.lastScan, lastScan)
                && s.lastTime == lastTime && Double.compare(s.sweepCredit, sweepCredit) == 0
                && s.startScansLeft == startScansLeft;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * width + height) + Arrays.hashCode(lastScan)) + Long.hashCode(lastTime);
    }

    @Override
    public String toString() {
        return "PlannerState[" + width + "x" + height + ", " + lastScan.length + " tiles, last " + lastTime + " ms, credit "
                + sweepCredit + ", " + startScansLeft + " start scans left]";
    }
}
