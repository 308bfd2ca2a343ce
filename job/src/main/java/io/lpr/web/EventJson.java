package io.lpr.web;

import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One event as {@code /api/events} returns it (docs/api.md): times as UTC ISO-8601, links to its page and
 * its crop.
 */
record EventJson(String id, String camera, String plate, float confidence, List<TextJson> texts, String firstSeen,
        String lastSeen, int frames, int votes, float detectionScore, float textScore, BoxJson box, String crop,
        String page) {

    /** A text the vote considered, with its votes: the winner first, then the runner-ups. */
    record TextJson(String text, int votes) {}

    /** The plate's box in the frame's pixels. */
    record BoxJson(float x1, float y1, float x2, float y2) {}

    static EventJson of(PlateEvent e) {
        Box b = e.box;
        List<TextJson> texts = new ArrayList<>();
        texts.add(new TextJson(e.plateText, e.votes));
        for (int i = 0; i < e.runnerUps.length; i++) {
            texts.add(new TextJson(e.runnerUps[i], e.runnerUpVotes[i]));
        }
        return new EventJson(e.eventId, e.cameraId, e.plateText, e.confidence, texts,
                Instant.ofEpochMilli(e.firstSeen).toString(),
                Instant.ofEpochMilli(e.lastSeen).toString(), e.frames, e.votes, e.detectionScore, e.textScore,
                b == null ? null : new BoxJson(b.x1, b.y1, b.x2, b.y2),
                "/api/events/" + e.eventId + "/crop", "/events/" + e.eventId);
    }
}
