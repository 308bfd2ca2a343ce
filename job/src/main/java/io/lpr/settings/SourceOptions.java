package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** Where the cameras come from, {@code lpr.cameras*} ({@link CameraSources}, whose defaults they show). */
public final class SourceOptions {
    private SourceOptions() {}

    public static final ConfigOption<List<String>> CAMERAS = key("lpr.cameras").stringType().asList().noDefaultValue()
            .withDescription("Cameras as id=path-or-url, e.g. gate1=/videos/gate1.mp4 or gate2=rtsp://host/stream.");
    public static final ConfigOption<String> CAMERAS_FILE = key("lpr.cameras-file").stringType().noDefaultValue()
            .withDescription("YAML file of cameras (id, url, enabled, fps, roi, ...), re-read while the job runs.");
    public static final ConfigOption<Boolean> CAMERAS_TABLE = key("lpr.cameras-table").booleanType()
            .defaultValue(CameraSources.DEFAULTS.table())
            .withDescription("Also take cameras from the 'cameras' table of the sink database, re-read while the job runs.");
    public static final ConfigOption<Duration> CAMERAS_POLL_INTERVAL = key("lpr.cameras-poll-interval").durationType()
            .defaultValue(CameraSources.DEFAULTS.pollInterval())
            .withDescription("How often the cameras file and table are re-read.");
}
