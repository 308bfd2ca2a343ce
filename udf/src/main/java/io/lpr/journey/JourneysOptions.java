package io.lpr.journey;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** Journeys' settings, {@code lpr.journeys} ({@link JourneysConfig}). */
public final class JourneysOptions {
    private JourneysOptions() {}

    public static final ConfigOption<List<String>> JOURNEYS = key("lpr.journeys").stringType().asList()
            .noDefaultValue()
            .withDescription("Journeys between cameras, as NAME=ENTRY->EXIT within LIMIT (e.g. "
                    + "parking=gate-in->gate-out within 12 h): a plate's passage at the entry camera (or camera "
                    + "group of lpr.dedup.camera-groups) paired with its next passage at the exit, a near miss "
                    + "included; an entry with no exit within the limit is reported expired. Rows of the journeys "
                    + "table, listed by lpr journeys.");
}
