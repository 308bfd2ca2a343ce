package io.lpr.guide;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * Guided detection's settings, {@code lpr.guide.*} ({@link GuideConfig}, whose defaults they show). They were
 * {@code lpr.detector.*} once; those keys are still read.
 */
public final class GuideOptions {
    private GuideOptions() {}

    public static final ConfigOption<Boolean> ENABLED = key("lpr.guide.enabled").booleanType()
            .defaultValue(GuideConfig.DEFAULTS.guided()).withDeprecatedKeys("lpr.detector.guided")
            .withDescription("Scan each camera's frames only around motion and tracked plates, plus a slow sweep of"
                    + " every tile; false scans the full tiling on every frame.");
    public static final ConfigOption<Duration> SWEEP_PERIOD = key("lpr.guide.sweep-period").durationType()
            .defaultValue(GuideConfig.DEFAULTS.sweepPeriod()).withDeprecatedKeys("lpr.detector.sweep-period")
            .withDescription("Guided detection still scans every tile and the whole frame at least this often, so"
                    + " parked cars are found.");
    public static final ConfigOption<Integer> MOTION_HEIGHT = key("lpr.guide.motion-height").intType()
            .defaultValue(GuideConfig.DEFAULTS.motionHeight()).withDeprecatedKeys("lpr.detector.motion-height")
            .withDescription("Height in pixels of the shrunk grey frame motion is computed on.");
    public static final ConfigOption<Integer> MOTION_THRESHOLD = key("lpr.guide.motion-threshold").intType()
            .defaultValue(GuideConfig.DEFAULTS.motionThreshold()).withDeprecatedKeys("lpr.detector.motion-threshold")
            .withDescription("Grey-level change (1..255) that counts as motion.");
    public static final ConfigOption<Duration> TRACK_TTL = key("lpr.guide.track-ttl").durationType()
            .defaultValue(GuideConfig.DEFAULTS.trackTtl()).withDeprecatedKeys("lpr.detector.track-ttl")
            .withDescription("Guided detection keeps scanning around a plate (or a weak box) until it has been unseen"
                    + " this long.");
    public static final ConfigOption<Integer> MIN_TRACK_WIDTH = key("lpr.guide.min-track-width").intType()
            .defaultValue(GuideConfig.DEFAULTS.minTrackWidth())
            .withDescription("Guided detection does not track a plate box narrower than this (frame pixels), nor one"
                    + " cut by the frame's edge: neither can be read, and motion and the sweep still scan them.");
    public static final ConfigOption<Duration> KEEP_ALIVE = key("lpr.guide.keep-alive").durationType()
            .defaultValue(GuideConfig.DEFAULTS.keepAlive())
            .withDescription("Guided detection scans a still tracked plate (or weak box) that no motion touches only"
                    + " this often, not on every frame: its picture has not changed. Zero scans it on every frame;"
                    + " else less than lpr.guide.track-ttl, and well inside lpr.tracker.passage-gap.");
}
