package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Event time, {@code lpr.watermark.*} ({@link WatermarkConfig}, whose defaults they show). */
public final class WatermarkOptions {
    private WatermarkOptions() {}

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS = key("lpr.watermark.out-of-orderness").durationType()
            .defaultValue(WatermarkConfig.DEFAULTS.outOfOrderness()).withDescription("How late a frame's reads may arrive.");
    public static final ConfigOption<Duration> IDLENESS = key("lpr.watermark.idleness").durationType()
            .defaultValue(WatermarkConfig.DEFAULTS.idleness())
            .withDescription("A camera silent this long stops holding back event time.");
}
