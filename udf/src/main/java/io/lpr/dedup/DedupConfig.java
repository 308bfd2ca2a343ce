package io.lpr.dedup;

import io.lpr.util.Require;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sliding-window deduplication of passage events.
 *
 * @param windowMs a passage within this long (event time) of the last sighting of the same plate is the
 *     same event; 0 turns deduplication off
 * @param maxEdits how far apart two texts may be and still be the same plate (look-alikes free)
 * @param groupOfCamera cameras deduplicated together (one site) map to their group's name
 * @param allowedLatenessMs passages whose last sighting is this far behind the watermark still merge
 */
public record DedupConfig(long windowMs, int maxEdits, Map<String, String> groupOfCamera, long allowedLatenessMs)
        implements Serializable {
    public static final long DEFAULT_WINDOW_MS = 5 * 60_000;
    public static final int DEFAULT_MAX_EDITS = 1;
    public static final long DEFAULT_LATENESS_MS = 60_000;

    public DedupConfig {
        groupOfCamera = Map.copyOf(groupOfCamera);
    }

    /**
     * Checked settings; {@code groups} are {@code name=cam1,cam2} entries. The lateness must cover the
     * tracker's passage gap: a passage reaches this stage only once the watermark is a gap past its end.
     */
    public static DedupConfig of(long windowMs, int maxEdits, List<String> groups, long allowedLatenessMs,
            long passageGapMs) {
        Require.that(windowMs >= 0, "lpr.dedup.window must not be negative, got " + windowMs + " ms");
        Require.that(maxEdits >= 0 && maxEdits <= 3, "lpr.dedup.max-edits must be 0..3, got " + maxEdits);
        Require.that(allowedLatenessMs >= passageGapMs, "lpr.dedup.allowed-lateness (" + allowedLatenessMs
                + " ms) must be at least lpr.tracker.passage-gap (" + passageGapMs + " ms)");
        Map<String, String> groupOf = new HashMap<>();
        for (String entry : groups) {
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
        return new DedupConfig(windowMs, maxEdits, groupOf, allowedLatenessMs);
    }

    public static DedupConfig defaults() {
        return new DedupConfig(DEFAULT_WINDOW_MS, DEFAULT_MAX_EDITS, Map.of(), DEFAULT_LATENESS_MS);
    }

    /** The dedup key of a camera: its group's name, or the camera itself. */
    public String keyOf(String cameraId) {
        return groupOfCamera.getOrDefault(cameraId, cameraId);
    }

    public boolean enabled() {
        return windowMs > 0;
    }
}
