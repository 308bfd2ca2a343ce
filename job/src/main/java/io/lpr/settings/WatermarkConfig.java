package io.lpr.settings;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How event time advances; checked when built.
 *
 * @param outOfOrderness how late a frame's reads may arrive
 * @param idleness a camera silent this long stops holding back event time
 */
public record WatermarkConfig(Duration outOfOrderness, Duration idleness) implements Serializable {
    public static final WatermarkConfig DEFAULTS = new WatermarkConfig(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** @throws IllegalArgumentException naming the bad setting */
    public WatermarkConfig {
        if (outOfOrderness == null || outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("lpr.watermark.out-of-orderness must not be negative, got " + outOfOrderness);
        }
        if (idleness == null || idleness.toMillis() <= 0) {
            throw new IllegalArgumentException("lpr.watermark.idleness must be positive, got " + idleness);
        }
    }

    /** The {@code lpr.watermark.*} settings ({@link WatermarkOptions}), checked. */
    public static WatermarkConfig from(ReadableConfig c) {
        return new WatermarkConfig(c.get(WatermarkOptions.OUT_OF_ORDERNESS), c.get(WatermarkOptions.IDLENESS));
    }

    public WatermarkConfig withOutOfOrderness(Duration value) {
        return new WatermarkConfig(value, idleness);
    }

    public WatermarkConfig withIdleness(Duration value) {
        return new WatermarkConfig(outOfOrderness, value);
    }
}
