package io.lpr.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lpr.event.PlateEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Stored events as {@code lpr query} prints them: a table (one line each), JSON or CSV. */
public final class EventFormat {
    /** The output formats of {@code lpr query --format}. */
    public enum Kind { table, json, csv }

    private static final String CSV_HEADER =
            "event_id,camera_id,plate_text,confidence,first_seen,last_seen,frames,votes,detection_score,runner_ups";

    private EventFormat() {}

    /**
     * Camera, plate, first and last seen as UTC ISO-8601 instants, frames, votes, best detector confidence,
     * the text's confidence (0..1) and the runner-up texts with their votes, e.g.
     * {@code cam-1        B840CK197  2024-05-01T12:00:00Z .. 2024-05-01T12:00:02.400Z  frames=12 votes=9 det=0.91 conf=0.93 also=B840OK197:3}.
     */
    public static String line(PlateEvent e) {
        String line = String.format(Locale.ROOT, "%-12s %-10s %s .. %s  frames=%d votes=%d det=%.2f conf=%.2f",
                e.cameraId, e.plateText, Instant.ofEpochMilli(e.firstSeen), Instant.ofEpochMilli(e.lastSeen),
                e.frames, e.votes, e.detectionScore, e.confidence);
        String runnerUps = PlateEventsTable.runnerUps(e);
        return runnerUps == null ? line : line + " also=" + runnerUps;
    }

    public static void print(List<PlateEvent> events, Kind kind, PrintWriter out) {
        switch (kind) {
            case table -> events.forEach(e -> out.println(line(e)));
            case csv -> {
                out.println(CSV_HEADER);
                events.forEach(e -> out.println(String.join(",", e.eventId, csv(e.cameraId), e.plateText,
                        String.format(Locale.ROOT, "%.3f", e.confidence), Instant.ofEpochMilli(e.firstSeen).toString(),
                        Instant.ofEpochMilli(e.lastSeen).toString(), Integer.toString(e.frames), Integer.toString(e.votes),
                        String.format(Locale.ROOT, "%.3f", e.detectionScore), csv(PlateEventsTable.runnerUps(e)))));
            }
            case json -> out.println(json(events));
        }
        out.flush();
    }

    private static String json(List<PlateEvent> events) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (PlateEvent e : events) {
            ObjectNode o = array.addObject();
            o.put("eventId", e.eventId).put("cameraId", e.cameraId).put("plateText", e.plateText)
                    .put("confidence", e.confidence)
                    .put("firstSeen", Instant.ofEpochMilli(e.firstSeen).toString())
                    .put("lastSeen", Instant.ofEpochMilli(e.lastSeen).toString())
                    .put("frames", e.frames).put("votes", e.votes).put("detectionScore", e.detectionScore);
            ArrayNode others = o.putArray("runnerUps");
            for (int i = 0; e.runnerUps != null && i < e.runnerUps.length; i++) {
                others.addObject().put("text", e.runnerUps[i]).put("votes", e.runnerUpVotes[i]);
            }
        }
        try {
            return mapper.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write events as JSON", e);
        }
    }

    /** Quotes a CSV field when it holds a separator or a quote. */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
