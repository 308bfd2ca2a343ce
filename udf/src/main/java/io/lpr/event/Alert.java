package io.lpr.event;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A watch-list entry matched by a passage: raised once per (passage, entry), named by both
 * ({@link #idOf}), so a replay after a restore raises the same alert again and every sink keeps it once.
 */
public class Alert {
    public String alertId;
    public String eventId;
    /** The watch entry's plate or pattern, as the list holds it. */
    public String entry;
    /** {@code info} or {@code alert}. */
    public String level;
    public String note;
    public String cameraId;
    /** The text read that matched. */
    public String plateText;
    public float confidence;
    /** Event time (epoch ms) of the frame whose read matched. */
    public long seenAt;

    public Alert() {}

    /** The same passage and entry always give the same id; the text read is left out, as in event ids. */
    public static String idOf(String eventId, String entry) {
        String key = "alert\u0000" + eventId + '\u0000' + entry;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String toString() {
        return "Alert{" + entry + " " + cameraId + " " + plateText + " " + confidence + " @" + seenAt + " " + alertId + "}";
    }
}
