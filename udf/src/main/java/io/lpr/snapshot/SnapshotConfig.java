package io.lpr.snapshot;

import io.lpr.util.Require;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Whether and how events keep a full-frame snapshot; checked when built. The bounds bound one snapshot's size:
 * at most {@link #MAX_WIDTH} wide and quality {@link #MAX_QUALITY}, which is 1.4 MB even for a frame of pure noise
 * (a street scene at the defaults: 0.13 to 0.15 MB; docs/snapshots.md), and at least {@link #MIN_WIDTH} wide
 * where the frame is, so a car and its surroundings stay recognisable.
 *
 * @param enabled whether snapshots are made at all
 * @param width a snapshot's width where the frame is wider; a narrower frame keeps its width
 * @param quality JPEG quality
 */
public record SnapshotConfig(boolean enabled, int width, int quality) implements Serializable {
    public static final int MIN_WIDTH = 1280;
    public static final int MAX_WIDTH = 1920;
    public static final int MIN_QUALITY = 30;
    public static final int MAX_QUALITY = 90;
    /** The defaults, written here once; {@link SnapshotOptions} shows them. */
    public static final SnapshotConfig DEFAULTS = new SnapshotConfig(true, MIN_WIDTH, 80);
    public static final SnapshotConfig OFF = DEFAULTS.withEnabled(false);

    /** @throws IllegalArgumentException naming the bad setting */
    public SnapshotConfig {
        Require.that(width >= MIN_WIDTH && width <= MAX_WIDTH,
                "lpr.snapshot.width must be from " + MIN_WIDTH + " to " + MAX_WIDTH + ", got " + width);
        Require.that(quality >= MIN_QUALITY && quality <= MAX_QUALITY,
                "lpr.snapshot.quality must be from " + MIN_QUALITY + " to " + MAX_QUALITY + ", got " + quality);
    }

    /** The {@code lpr.snapshot.*} settings ({@link SnapshotOptions}), checked. */
    public static SnapshotConfig from(ReadableConfig c) {
        return new SnapshotConfig(c.get(SnapshotOptions.ENABLED), c.get(SnapshotOptions.WIDTH), c.get(SnapshotOptions.QUALITY));
    }

    /** A snapshot's size for a frame of this size: no wider than the frame, the frame's aspect kept. */
    public int[] sizeFor(int frameWidth, int frameHeight) {
        if (frameWidth <= width) {
            return new int[] {frameWidth, frameHeight};
        }
        int height = Math.max(1, (int) Math.round(frameHeight * (double) width / frameWidth));
        return new int[] {width, height};
    }

    public SnapshotConfig withEnabled(boolean value) {
        return new SnapshotConfig(value, width, quality);
    }

    public SnapshotConfig withWidth(int value) {
        return new SnapshotConfig(enabled, value, quality);
    }

    public SnapshotConfig withQuality(int value) {
        return new SnapshotConfig(enabled, width, value);
    }
}
