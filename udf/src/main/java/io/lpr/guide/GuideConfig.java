package io.lpr.guide;

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
     * Times each tile is scanned in a camera's start (and after a new frame size or a stream started afresh): the
     * first frame in full, then each later look spread over {@link #START_SPREAD_FRAMES} frames. One look is not
     * enough: a plate near the detector threshold is a plate in some frames only (on real CCTV a parked car's plate
     * was found in 29 of 40 frames by the full tiling, and the one first frame missed it), and the sweep may not
     * come back to its tile for a whole sweep period. A second look finds it strong or weak, and from then on it is
     * tracked or watched every frame; spread out, it costs a third of a full tiling per frame, not a whole one.
     */
    public static final int START_LOOKS = 2;

    /** Frames each look after a start's first is spread over. */
    public static final int START_SPREAD_FRAMES = 3;

    /** Frames a start takes: its full scan, then the later looks spread out. */
    public static final int START_FRAMES = 1 + (START_LOOKS - 1) * START_SPREAD_FRAMES;

    /** @throws IllegalArgumentException naming the first bad setting */
    public GuideConfig {
        require(sweepPeriodMs > 0, "detector sweep period must be positive, got " + sweepPeriodMs + " ms");
        require(motionHeight >= 16, "detector motion height must be at least 16 px, got " + motionHeight);
        require(motionThreshold >= 1 && motionThreshold <= 255,
                "detector motion threshold must be in 1..255, got " + motionThreshold);
        require(trackTtlMs >= 0, "detector track TTL must be >= 0, got " + trackTtlMs + " ms");
    }

    /** Full tiling on every frame, the behaviour without guidance. */
    public static GuideConfig fullTiling() {
        return new GuideConfig(false, DEFAULTS.sweepPeriodMs, DEFAULTS.motionHeight, DEFAULTS.motionThreshold,
                DEFAULTS.trackTtlMs);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
