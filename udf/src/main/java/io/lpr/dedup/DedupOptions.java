package io.lpr.dedup;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** Deduplication's settings, {@code lpr.dedup.*} ({@link DedupConfig}, whose defaults they show). */
public final class DedupOptions {
    private DedupOptions() {}

    public static final ConfigOption<Duration> WINDOW = key("lpr.dedup.window").durationType()
            .defaultValue(DedupConfig.DEFAULTS.window())
            .withDescription("The same plate (or a near miss) seen again on a camera within this long of its last "
                    + "sighting is the same event: its row is updated. 0 turns deduplication off.");
    public static final ConfigOption<Integer> MAX_EDITS = key("lpr.dedup.max-edits").intType()
            .defaultValue(DedupConfig.DEFAULTS.maxEdits())
            .withDescription("Texts this many edits apart (look-alikes O/0, C/O, B/8 ... free) are the same plate.");
    public static final ConfigOption<List<String>> CAMERA_GROUPS = key("lpr.dedup.camera-groups").stringType().asList()
            .noDefaultValue()
            .withDescription("Cameras of one site deduplicated together, as name=cam1,cam2 (e.g. gate=in,out); the"
                    + " event keeps the first camera's id.");
    public static final ConfigOption<Duration> ALLOWED_LATENESS = key("lpr.dedup.allowed-lateness").durationType()
            .defaultValue(DedupConfig.DEFAULTS.allowedLateness())
            .withDescription("Passages this late (event time behind the watermark) still update their event; "
                    + "later ones become events of their own and are counted (metric lateEvents). At least "
                    + "lpr.tracker.passage-gap.");
}
