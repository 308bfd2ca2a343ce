package io.lpr.guide;

import io.lpr.util.Require;
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
 * @param minTrackWidth a box narrower than this (frame pixels) is not tracked: too small to be read, it is left to
 *     motion and the sweep ({@link ReadableBox})
 * @param keepAlive a still tracked plate or watched weak box that no motion touches is scanned again only once its
 *     tiles are this old ({@link KeepAlive}); zero scans it on every frame. Shorter than the track TTL, so a still
 *     plate seen again stays tracked
 */
public record GuideConfig(boolean guided, Duration sweepPeriod, int motionHeight, int motionThreshold,
        Duration trackTtl, int minTrackWidth, Duration keepAlive) implements Serializable {
    public static final GuideConfig DEFAULTS = new GuideConfig(true, Duration.ofSeconds(10), 120, 20,
            Duration.ofSeconds(2), 24, Duration.ofMillis(1000));

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
        Require.that(sweepPeriod != null && sweepPeriod.toMillis() > 0,
                "lpr.guide.sweep-period must be positive, got " + sweepPeriod);
        Require.that(motionHeight >= 16, "lpr.guide.motion-height must be at least 16 px, got " + motionHeight);
        Require.that(motionThreshold >= 1 && motionThreshold <= 255,
                "lpr.guide.motion-threshold must be in 1..255, got " + motionThreshold);
        Require.that(trackTtl != null && !trackTtl.isNegative(), "lpr.guide.track-ttl must be >= 0, got " + trackTtl);
        Require.that(minTrackWidth >= 0, "lpr.guide.min-track-width must be >= 0 px, got " + minTrackWidth);
        Require.that(keepAlive != null && !keepAlive.isNegative()
                && (keepAlive.isZero() || keepAlive.compareTo(trackTtl) < 0),
                "lpr.guide.keep-alive must be zero or less than lpr.guide.track-ttl (" + trackTtl + "), got "
                        + keepAlive);
    }

    /** The {@code lpr.guide.*} settings ({@link GuideOptions}), checked. */
    public static GuideConfig from(ReadableConfig c) {
        return new GuideConfig(c.get(GuideOptions.ENABLED), c.get(GuideOptions.SWEEP_PERIOD),
                c.get(GuideOptions.MOTION_HEIGHT), c.get(GuideOptions.MOTION_THRESHOLD), c.get(GuideOptions.TRACK_TTL),
                c.get(GuideOptions.MIN_TRACK_WIDTH), c.get(GuideOptions.KEEP_ALIVE));
    }

    /** False: full tiling on every frame, the behaviour without guidance. */
    public GuideConfig withGuided(boolean value) {
        return new GuideConfig(value, sweepPeriod, motionHeight, motionThreshold, trackTtl, minTrackWidth, keepAlive);
    }

    public GuideConfig withSweepPeriod(Duration value) {
        return new GuideConfig(guided, value, motionHeight, motionThreshold, trackTtl, minTrackWidth, keepAlive);
    }

    public GuideConfig withMotionHeight(int value) {
        return new GuideConfig(guided, sweepPeriod, value, motionThreshold, trackTtl, minTrackWidth, keepAlive);
    }

    public GuideConfig withMotionThreshold(int value) {
        return new GuideConfig(guided, sweepPeriod, motionHeight, value, trackTtl, minTrackWidth, keepAlive);
    }

    public GuideConfig withTrackTtl(Duration value) {
        return new GuideConfig(guided, sweepPeriod, motionHeight, motionThreshold, value, minTrackWidth, keepAlive);
    }

    public GuideConfig withMinTrackWidth(int value) {
        return new GuideConfig(guided, sweepPeriod, motionHeight, motionThreshold, trackTtl, value, keepAlive);
    }

    public GuideConfig withKeepAlive(Duration value) {
        return new GuideConfig(guided, sweepPeriod, motionHeight, motionThreshold, trackTtl, minTrackWidth, value);
    }
}
