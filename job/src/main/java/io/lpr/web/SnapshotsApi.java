package io.lpr.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.lpr.db.Database;
import io.lpr.event.Snapshot;
import io.lpr.events.PlateSnapshotsTable;
import java.util.Optional;

/**
 * {@code /api/events/{id}/snapshot}: the event's full-frame JPEG ({@link PlateSnapshotsTable}), and the
 * {@code snapshot} object of {@code /api/events/{id}} that says its size and the frame's, so a page can scale the
 * event's box (in the frame's pixels) onto it.
 */
final class SnapshotsApi {
    private final Database db;
    private final EventsApi events;

    SnapshotsApi(Database db, EventsApi events) {
        this.db = db;
        this.events = events;
    }

    void serve(Context ctx) {
        String id = events.find(ctx.pathParam("id"), false).event().eventId; // 400 or 404 as for the event
        Snapshot snapshot = PlateSnapshotsTable.find(db, id, true)
                .orElseThrow(() -> new NotFound("event " + id + " has no snapshot"));
        // Rewritten only when the same passage is replayed (the same bytes), so a short cache is safe.
        ctx.header("Cache-Control", "private, max-age=60").contentType("image/jpeg").result(snapshot.jpeg);
    }

    /** {@code event} with its {@code snapshot}: url and sizes, or null when it has none. */
    ObjectNode describe(ObjectNode event) {
        String id = event.get("event_id").asText();
        Optional<Snapshot> found = PlateSnapshotsTable.find(db, id, false);
        if (found.isEmpty()) {
            return event.putNull("snapshot");
        }
        Snapshot s = found.get();
        event.putObject("snapshot").put("url", "/api/events/" + id + "/snapshot").put("width", s.width)
                .put("height", s.height).put("source_width", s.sourceWidth).put("source_height", s.sourceHeight);
        return event;
    }
}
