package io.lpr.dedup;

import io.lpr.track.TrackerOptions;
import io.lpr.util.Require;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Sliding-window deduplication of passage events; checked when built.
 *
 * @param window a passage within this long (event time) of the last sighting of the same plate is the
 *     same event; 0 turns deduplication off
 * @param maxEdits how far apart two texts may be and still be the same plate (look-alikes free)
 * @param groupOfCamera cameras deduplicated together (one site) map to their group's name
 * @param allowedLateness passages whose last sighting is this far behind the watermark still merge
 */
public record DedupConfig(Duration window, int maxEdits, Map<String, String> groupOfCamera, Duration allowedLateness)
        implements Serializable {
    /** The defaults, written here once; {@link DedupOptions} shows them. */
    public static final DedupConfig DEFAULTS = new DedupConfig(Duration.ofMinutes(5), 1, Map.of(), Duration.ofMinutes(1));

    /** @throws IllegalArgumentException naming the bad setting */
    public DedupConfig {
        Require.that(window != null && !window.isNegative(), "lpr.dedup.window must not be negative, got " + window);
        Require.that(maxEdits >= 0 && maxEdits <= 3, "lpr.dedup.max-edits must be 0..3, got " + maxEdits);
        Require.that(groupOfCamera != null, "lpr.dedup.camera-groups must be a map (empty for none)");
        groupOfCamera = Map.copyOf(groupOfCamera);
        Require.that(allowedLateness != null && !allowedLateness.isNegative(),
                "lpr.dedup.allowed-lateness must not be negative, got " + allowedLateness);
    }

    /**
     * The {@code lpr.dedup.*} settings ({@link DedupOptions}), checked. The lateness must cover the tracker's
     * passage gap: a passage reaches this stage only once the watermark is a gap past its end.
     */
    public static DedupConfig from(ReadableConfig c) {
        DedupConfig config = new DedupConfig(c.get(DedupOptions.WINDOW), c.get(DedupOptions.MAX_EDITS),
                groups(c.getOptional(DedupOptions.CAMERA_GROUPS).orElse(List.of())), c.get(DedupOptions.ALLOWED_LATENESS));
        Duration passageGap = c.get(TrackerOptions.PASSAGE_GAP);
        Require.that(config.allowedLateness.compareTo(passageGap) >= 0, "lpr.dedup.allowed-lateness ("
                + config.allowedLateness + ") must be at least lpr.tracker.passage-gap (" + passageGap + ")");
        return config;
    }

    /** {@code name=cam1,cam2} entries as each camera's group. */
    public static Map<String, String> groups(List<String> entries) {
        Map<String, String> groupOf = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            Require.that(eq > 0 && eq < entry.length() - 1,
                    "lpr.dedup.camera-groups entries are name=cam1,cam2, got '" + entry + "'");
            String name = entry.substring(0, eq).strip();
            for (String camera : entry.substring(eq + 1).split(",")) {
                String previous = groupOf.put(camera.strip(), name);
                Require.that(previous == null || previous.equals(name),
                        "lpr.dedup.camera-groups: camera " + camera.strip() + " is in two groups");
            }
        }
        return groupOf;
    }

    public DedupConfig withWindow(Duration value) {
        return new DedupConfig(value, maxEdits, groupOfCamera, allowedLateness);
    }

    public DedupConfig withMaxEdits(int value) {
        return new DedupConfig(window, value, groupOfCamera, allowedLateness);
    }

    public DedupConfig withGroupOfCamera(Map<String, String> value) {
        return new DedupConfig(window, maxEdits, value, allowedLateness);
    }

    public DedupConfig withAllowedLateness(Duration value) {
        return new DedupConfig(window, maxEdits, groupOfCamera, value);
    }

    /** The dedup key of a camera: its group's name, or the camera itself. */
    public String keyOf(String cameraId) {
        return groupOfCamera.getOrDefault(cameraId, cameraId);
    }

    public boolean enabled() {
        return !window.isZero();
    }
}
