package io.lpr.guide;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How each camera's detector regions are chosen; checked when built. {@link #DEFAULTS} holds the defaults, written
 * here once; {@link GuideOptions} shows them.
 *
 * @param guided regions from motion, tracked plates and a slow sweep; false scans the full tiling on every frame
 * @param sweepPeriod every tile (and the whole frame) is scanned at least this often, so a parked car is found
 *     without motion
 * @param motionHeight height of the grey frame motion is computed on; small, since it only has to find vehicles
 * @param motionThreshold grey-level change (0..255, after a light blur) that counts as motion
 * @param trackTtl a tracked plate's region is scanned until the plate has been unseen this long; a weak box's
 *     region (below the detector threshold) too, for at most a sweep period from when it was first seen
 */
public record GuideConfig(boolean guided, Duration sweepPeriod, int motionHeight, int motionThreshold,
        Duration trackTtl) implements Serializable {
    public static final GuideConfig DEFAULTS =
            new GuideConfig(true, Duration.ofSeconds(10), 120, 20, Duration.ofSeconds(2));

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
        require(sweepPeriod != null && sweepPeriod.toMillis() > 0,
                "lpr.guide.sweep-period must be positive, got " + sweepPeriod);
        require(motionHeight >= 16, "lpr.guide.motion-height must be at least 16 px, got " + motionHeight);
        require(motionThreshold >= 1 && motionThreshold <= 255,
                "lpr.guide.motion-threshold must be in 1..255, got " + motionThreshold);
        require(trackTtl != null && !trackTtl.isNegative(), "lpr.guide.track-ttl must be >= 0, got " + trackTtl);
    }

    /** The {@code lpr.guide.*} settings ({@link GuideOptions}), checked. */
    public static GuideConfig from(ReadableConfig c) {
        return new GuideConfig(c.get(GuideOptions.ENABLED), c.get(GuideOptions.SWEEP_PERIOD),
                c.get(GuideOptions.MOTION_HEIGHT), c.get(GuideOptions.MOTION_THRESHOLD), c.get(GuideOptions.TRACK_TTL));
    }

    /** False: full tiling on every frame, the behaviour without guidance. */
    public GuideConfig withGuided(boolean value) {
        return new GuideConfig(value, sweepPeriod, motionHeight, motionThreshold, trackTtl);
    }

    public GuideConfig withSweepPeriod(Duration value) {
        return new GuideConfig(guided, value, motionHeight, motionThreshold, trackTtl);
    }

    public GuideConfig withMotionHeight(int value) {
        return new GuideConfig(guided, sweepPeriod, value, motionThreshold, trackTtl);
    }

    public GuideConfig withMotionThreshold(int value) {
        return new GuideConfig(guided, sweepPeriod, motionHeight, value, trackTtl);
    }

    public GuideConfig withTrackTtl(Duration value) {
        return new GuideConfig(guided, sweepPeriod, motionHeight, motionThreshold, value);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
