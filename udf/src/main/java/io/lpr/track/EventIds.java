package io.lpr.track;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: a passage is named by where it starts in its camera's stream, never by what was
 * read. The parts are the camera, the event time of the passage's first read frame, and the passage's
 * rank among those that started in that same frame, counted left to right by where their first box was
 * (0 when, as nearly always, it is the only one). A replay of the same frames (a restore from a checkpoint,
 * the same video file run again) starts each passage in the same frame, so it gets the same id and the sinks
 * update its row, even where the replay votes a different text (a knife-edge C/O) or reads it in other frames
 * later on. The text is left out on purpose: an id built from the text makes a second row for one passage
 * whenever a restored job reads it differently.
 */
public final class EventIds {
    private EventIds() {}

    /**
     * @param firstSeen event time (epoch ms) of the passage's first read frame
     * @param startRank the passage's rank, left to right, among the passages of this camera that started in
     *     that frame
     */
    public static String of(String cameraId, long firstSeen, int startRank) {
        String key = "passage\u0000" + cameraId + '\u0000' + firstSeen + '\u0000' + startRank;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
