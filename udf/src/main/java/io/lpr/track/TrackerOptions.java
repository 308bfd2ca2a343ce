package io.lpr.track;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Passage tracking's settings, {@code lpr.tracker.*} ({@link TrackerConfig}, whose defaults they show). */
public final class TrackerOptions {
    private TrackerOptions() {}

    public static final ConfigOption<Duration> PASSAGE_GAP = key("lpr.tracker.passage-gap").durationType()
            .defaultValue(TrackerConfig.DEFAULTS.passageGap())
            .withDescription("A passage ends when its plate is unseen this long.");
    public static final ConfigOption<Integer> MIN_FRAMES = key("lpr.tracker.min-frames").intType()
            .defaultValue(TrackerConfig.DEFAULTS.minFrames())
            .withDescription("Passages read in fewer frames are dropped as noise.");
}
