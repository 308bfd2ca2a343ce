package io.lpr.watch;

import io.lpr.plate.PlateMatch;
import io.lpr.util.Require;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the watch list: a plate, or a pattern with {@code *} (any symbols) and {@code ?} (one symbol)
 * as {@code lpr query --plate} takes, named by that text (normalised: upper case, Cyrillic as the Latin the
 * model writes). Without wildcards it is the whole plate, not a part: {@code O567AM76} does not match
 * {@code O567AM776}; {@code *567AM*} does. A POJO, so that Flink keeps it in broadcast state without Kryo.
 */
public class WatchEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The plate or pattern, normalised ({@link PlateMatch#normalize}); the entry's key. */
    public String plate;
    /** Also a read within one edit, look-alikes free: the rule of {@code lpr query --near} ({@link PlateMatch#isNear}). */
    public boolean near;
    public String note;
    public WatchLevel level = WatchLevel.ALERT;
    /** Epoch ms from which the entry no longer matches; null: never expires. */
    public Long until;
    /** Camera ids or camera group names ({@code lpr.dedup.camera-groups}) it applies to; empty: all cameras. */
    public String[] cameras = new String[0];

    public WatchEntry() {}

    /** @throws IllegalArgumentException for an empty plate or one with symbols a plate never has */
    public static WatchEntry of(String plate, boolean near, String note, WatchLevel level, Long until, String... cameras) {
        String normalized = PlateMatch.normalize(plate);
        Require.that(normalized != null && !normalized.isEmpty(), "a watch entry needs a plate or a pattern");
        Require.that(normalized.matches("[A-Z0-9*?]+"),
                "a watch entry is a plate of letters and digits, with * and ? as wildcards, got '" + plate + "'");
        Require.that(!near || !PlateMatch.hasWildcards(normalized), "--near is for a whole plate, not a pattern: " + plate);
        WatchEntry entry = new WatchEntry();
        entry.plate = normalized;
        entry.near = near;
        entry.note = note == null || note.isBlank() ? null : note.strip();
        entry.level = Objects.requireNonNull(level, "level");
        entry.until = until;
        entry.cameras = Arrays.stream(cameras == null ? new String[0] : cameras)
                .map(String::strip).filter(c -> !c.isEmpty()).distinct().toArray(String[]::new);
        return entry;
    }

    /**
     * Whether a read of {@code text} at {@code cameraId} (in camera group {@code group}, or null) at
     * {@code time} (epoch ms) is this entry's plate.
     */
    public boolean matches(String text, String cameraId, String group, long time) {
        if (text == null || (until != null && time >= until) || !appliesTo(cameraId, group)) {
            return false;
        }
        String read = PlateMatch.normalize(text);
        if (PlateMatch.hasWildcards(plate)) {
            return PlateMatch.matches(read, plate);
        }
        return read.equals(plate) || (near && PlateMatch.isNear(read, plate));
    }

    /** Whether the entry is for this camera: it names none, the camera or the camera's group. */
    public boolean appliesTo(String cameraId, String group) {
        if (cameras == null || cameras.length == 0) {
            return true;
        }
        for (String c : cameras) {
            if (c.equals(cameraId) || c.equals(group)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchEntry e && near == e.near && Objects.equals(plate, e.plate) && Objects.equals(note, e.note)
                && level == e.level && Objects.equals(until, e.until) && Arrays.equals(cameras, e.cameras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plate, near, note, level, until, Arrays.hashCode(cameras));
    }

    @Override
    public String toString() {
        return plate + (near ? " (near)" : "") + " " + (level == null ? "" : level.label())
                + (cameras == null || cameras.length == 0 ? "" : " at " + String.join(",", cameras));
    }
}
