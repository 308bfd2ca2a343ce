package io.lpr.journey;

import io.lpr.util.Require;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.util.TimeUtils;

/**
 * One journey of {@code lpr.journeys}: a plate's passage at the entry side paired with its next passage at the
 * exit side within the limit. A side is a camera id or the name of a camera group of
 * {@code lpr.dedup.camera-groups} (any of its cameras).
 *
 * @param name what the journey is called in the {@code journeys} table ({@code parking})
 * @param entry the entry camera or camera group ({@code gate-in})
 * @param exit the exit camera or camera group ({@code gate-out})
 * @param limit an entry with no exit this long after it is reported as expired
 */
public record JourneySpec(String name, String entry, String exit, Duration limit) implements Serializable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern SPEC = Pattern.compile("\\s*([^=]*?)\\s*=\\s*(.*?)\\s*->\\s*(.*?)\\s+within\\s+(.+?)\\s*");

    public JourneySpec {
        Require.that(name != null && NAME.matcher(name).matches(), "lpr.journeys: the name '" + name
                + "' must be letters, digits, '.', '_' or '-'");
        Require.that(entry != null && !entry.isBlank(), "lpr.journeys: " + name + " has no entry camera");
        Require.that(exit != null && !exit.isBlank(), "lpr.journeys: " + name + " has no exit camera");
        Require.that(!entry.equals(exit), "lpr.journeys: " + name + " enters and exits at the same camera (" + entry
                + "); a camera that sees both ways cannot tell them apart");
        Require.that(limit != null && !limit.isNegative() && !limit.isZero(),
                "lpr.journeys: " + name + " needs a positive limit, got " + limit);
    }

    /** {@code name=entry->exit within LIMIT}, e.g. {@code parking=gate-in->gate-out within 12 h}. */
    public static JourneySpec parse(String text) {
        Matcher m = SPEC.matcher(text == null ? "" : text);
        Require.that(m.matches(), "lpr.journeys entries are NAME=ENTRY->EXIT within LIMIT (e.g. "
                + "parking=gate-in->gate-out within 12 h), got '" + text + "'");
        Duration limit;
        try {
            limit = TimeUtils.parseDuration(m.group(4));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("lpr.journeys: " + m.group(1) + " has a limit '" + m.group(4)
                    + "' that is not a duration (12 h, 30 min, 90 s)");
        }
        return new JourneySpec(m.group(1), m.group(2), m.group(3), limit);
    }

    /** Whether a passage of this camera is at the entry side; {@code groupOf} maps cameras to their groups. */
    public boolean isEntry(String cameraId, Map<String, String> groupOf) {
        return at(entry, cameraId, groupOf);
    }

    public boolean isExit(String cameraId, Map<String, String> groupOf) {
        return at(exit, cameraId, groupOf);
    }

    private static boolean at(String side, String cameraId, Map<String, String> groupOf) {
        return side.equals(cameraId) || side.equals(groupOf.get(cameraId));
    }

    @Override
    public String toString() {
        return name + "=" + entry + "->" + exit + " within " + TimeUtils.formatWithHighestUnit(limit);
    }
}
