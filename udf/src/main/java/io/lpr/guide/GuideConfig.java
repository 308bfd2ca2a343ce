package io.lpr.guide;

import java.io.Serializable;

/** How each camera's detector regions are chosen. Plain fields with working defaults; call {@link #validate()}. */
public class GuideConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Regions from motion, tracked plates and a slow sweep; false scans the full tiling on every frame. */
    public boolean guided = true;

    /** Every tile (and the whole frame) is scanned at least this often, so a parked car is found without motion. */
    public long sweepPeriodMs = 10_000;

    /** Height of the grey frame motion is computed on; small, since it only has to find vehicles. */
    public int motionHeight = 120;

    /** Grey-level change (0..255, after a light blur) that counts as motion. */
    public int motionThreshold = 20;

    /** A tracked plate's region is scanned until the plate has been unseen this long. */
    public long trackTtlMs = 2_000;

    public GuideConfig() {}

    /** Full tiling on every frame, today's behaviour without guidance. */
    public static GuideConfig fullTiling() {
        GuideConfig config = new GuideConfig();
        config.guided = false;
        return config;
    }

    /** Throws IllegalArgumentException naming the first bad setting. */
    public GuideConfig validate() {
        require(sweepPeriodMs > 0, "detector sweep period must be positive, got " + sweepPeriodMs + " ms");
        require(motionHeight >= 16, "detector motion height must be at least 16 px, got " + motionHeight);
        require(motionThreshold >= 1 && motionThreshold <= 255,
                "detector motion threshold must be in 1..255, got " + motionThreshold);
        require(trackTtlMs >= 0, "detector track TTL must be >= 0, got " + trackTtlMs + " ms");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
