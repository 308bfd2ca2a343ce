package io.lpr.journey;

import io.lpr.dedup.DedupConfig;
import io.lpr.dedup.DedupOptions;
import io.lpr.track.TrackerOptions;
import io.lpr.util.Require;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The journeys to pair ({@link JourneysOptions}), checked once at start.
 *
 * @param journeys each {@code lpr.journeys} entry; none turns pairing off
 * @param groupOfCamera the camera groups of {@code lpr.dedup.camera-groups}, which a journey's side may name
 * @param settle how long after its first sighting a passage can still reach the pairing stage: the dedup
 *     stage sends an event as final only once the watermark passes its last sighting plus the window and the
 *     allowed lateness (without dedup, the tracker's passage gap). An entry is reported expired only this long
 *     after its limit, so an exit within the limit that is still on its way pairs.
 */
public record JourneysConfig(List<JourneySpec> journeys, Map<String, String> groupOfCamera, Duration settle)
        implements Serializable {
    public static final JourneysConfig NONE = new JourneysConfig(List.of(), Map.of(), Duration.ZERO);

    public JourneysConfig {
        journeys = List.copyOf(journeys);
        groupOfCamera = Map.copyOf(groupOfCamera);
        Require.that(settle != null && !settle.isNegative(), "journeys' settle time must not be negative");
        Set<String> names = new HashSet<>();
        for (JourneySpec j : journeys) {
            Require.that(names.add(j.name()), "lpr.journeys: the name " + j.name() + " is used twice");
            // Passages of one dedup group are merged into one event (the first camera's), so an entry and an
            // exit in one group would become one event and never pair.
            String entryGroup = groupOfCamera.getOrDefault(j.entry(), j.entry());
            String exitGroup = groupOfCamera.getOrDefault(j.exit(), j.exit());
            Require.that(!entryGroup.equals(exitGroup), "lpr.journeys: " + j.name() + "'s entry " + j.entry()
                    + " and exit " + j.exit() + " are in one lpr.dedup.camera-groups group (" + entryGroup
                    + "), whose passages are merged into one event");
        }
    }

    /** The {@code lpr.journeys} setting, with the dedup and tracker settings it depends on. */
    public static JourneysConfig from(ReadableConfig c) {
        List<JourneySpec> journeys = new ArrayList<>();
        for (String entry : c.getOptional(JourneysOptions.JOURNEYS).orElse(List.of())) {
            journeys.add(JourneySpec.parse(entry));
        }
        Map<String, String> groups = DedupConfig.groups(c.getOptional(DedupOptions.CAMERA_GROUPS).orElse(List.of()));
        Duration window = c.get(DedupOptions.WINDOW);
        Duration settle = window.isZero() ? c.get(TrackerOptions.PASSAGE_GAP)
                : window.plus(c.get(DedupOptions.ALLOWED_LATENESS));
        return new JourneysConfig(journeys, groups, settle);
    }

    public boolean enabled() {
        return !journeys.isEmpty();
    }

    public Optional<JourneySpec> journey(String name) {
        return journeys.stream().filter(j -> j.name().equals(name)).findFirst();
    }
}
