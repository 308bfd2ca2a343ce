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
 * @param trackTtlMs a tracked plate's region is scanned until the plate has been unseen this long
 */
public record GuideConfig(boolean guided, long sweepPeriodMs, int motionHeight, int motionThreshold, long trackTtlMs)
        implements Serializable {
    public static final GuideConfig DEFAULTS = new GuideConfig(true, 10_000, 120, 20, 2_000);

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
