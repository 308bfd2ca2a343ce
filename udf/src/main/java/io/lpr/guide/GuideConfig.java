package io.lpr.guide;

import io.lpr.util.Require;
import java.io.Serializable;

/**
 * How each camera's detector regions are chosen; checked when built. {@link #DEFAULTS} holds the defaults, written
 * here once; the job's settings show them.
 *
 * @param guided regions from motion, tracked plates and a slow sweep; false scans the full tiling on every frame
 * @param sweepPeriodMs every tile (and the whole frame) is scanned at least this often, so a parked car is found
 *     without motion
 * @param motionHeight height of the grey frame motion is computed on; small, since it only has to find vehicles
 * @param motionThreshold grey-level change (0..255, after a light blur) that counts as motion
 * @param trackTtlMs a tracked plate's region is scanned until the plate has been unseen this long; a weak box's
 *     region (below the detector threshold) too, for at most a sweep period from when it was first seen
 */
public record GuideConfig(boolean guided, long sweepPeriodMs, int motionHeight, int motionThreshold, long trackTtlMs)
        implements Serializable {
    public static final GuideConfig DEFAULTS = new GuideConfig(true, 10_000, 120, 20, 2_000);

    /**
     * Frames of a camera's start (and of a new frame size or a stream started afresh) scanned in full, not one: a
     * plate near the detector threshold is a plate in some frames only (on real CCTV a parked car's plate was
     * found in 29 of 40 frames by the full tiling, and the one first frame missed it), and the sweep may not come
     * back to its tile for a whole sweep period. Three frames find such a plate, strong or weak, with near
     * certainty, and from then on it is tracked or watched; each more costs a full tiling's calls once per start.
     */
    public static final int START_FULL_SCANS = 3;

    /** @throws IllegalArgumentException naming the first bad setting */
    public GuideConfig {
        Require.that(sweepPeriodMs > 0, "detector sweep period must be positive, got " + sweepPeriodMs + " ms");
        Require.that(motionHeight >= 16, "detector motion height must be at least 16 px, got " + motionHeight);
        Require.that(motionThreshold >= 1 && motionThreshold <= 255,
                "detector motion threshold must be in 1..255, got " + motionThreshold);
        Require.that(trackTtlMs >= 0, "detector track TTL must be >= 0, got " + trackTtlMs + " ms");
    }

    /** Full tiling on every frame, the behaviour without guidance. */
    public static GuideConfig fullTiling() {
        return new GuideConfig(false, DEFAULTS.sweepPeriodMs, DEFAULTS.motionHeight, DEFAULTS.motionThreshold,
                DEFAULTS.trackTtlMs);
    }
}
