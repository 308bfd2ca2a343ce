package io.lpr.sink;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * How long plates and pictures are kept ({@code lpr.retention.*}). Both are off by default: nothing is deleted
 * until a deployment says how long it may keep personal data. Read into {@link RetentionConfig#from}.
 */
public final class RetentionOptions {
    private RetentionOptions() {}

    public static final ConfigOption<Duration> EVENTS = key("lpr.retention.events").durationType().noDefaultValue()
            .withDescription("Events whose last sighting is older than this are deleted from the events database while "
                    + "the job runs (e.g. 30 d). Unset: kept for ever. Plates are personal data: set it.");
    public static final ConfigOption<Duration> SNAPSHOTS = key("lpr.retention.snapshots").durationType().noDefaultValue()
            .withDescription("The pictures of events older than this are deleted, the events kept (e.g. 7 d): the "
                    + "plate crop and the full-frame snapshot. Unset: kept with the event.");
}
