package io.lpr.track;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic event ids: replaying the same video yields the same ids, so sinks upsert, not duplicate. */
public final class EventIds {
    private EventIds() {}

    public static String of(String cameraId, String plateText, long firstSeen) {
        String key = cameraId + '\u0000' + plateText + '\u0000' + firstSeen;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
