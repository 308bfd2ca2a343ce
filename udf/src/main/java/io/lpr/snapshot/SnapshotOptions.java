package io.lpr.snapshot;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** The events' full-frame snapshots, {@code lpr.snapshot.*} ({@link SnapshotConfig}, whose defaults they show). */
public final class SnapshotOptions {
    private SnapshotOptions() {}

    public static final ConfigOption<Boolean> ENABLED = key("lpr.snapshot.enabled").booleanType()
            .defaultValue(SnapshotConfig.DEFAULTS.enabled())
            .withDescription("Keep one full-frame JPEG per event, of the frame with its best read (docs/snapshots.md). "
                    + "Off: events keep only the plate crop, and frames with plates are not encoded.");
    public static final ConfigOption<Integer> WIDTH = key("lpr.snapshot.width").intType()
            .defaultValue(SnapshotConfig.DEFAULTS.width())
            .withDescription("Width of a snapshot, pixels (" + SnapshotConfig.MIN_WIDTH + " to " + SnapshotConfig.MAX_WIDTH
                    + "); a narrower frame keeps its own width, never enlarged.");
    public static final ConfigOption<Integer> QUALITY = key("lpr.snapshot.quality").intType()
            .defaultValue(SnapshotConfig.DEFAULTS.quality())
            .withDescription("JPEG quality of a snapshot (" + SnapshotConfig.MIN_QUALITY + " to "
                    + SnapshotConfig.MAX_QUALITY + "): a street scene at 1280 px and 80 is about 0.15 MB, at most 1.4 MB at 1920 and 90.");
}
