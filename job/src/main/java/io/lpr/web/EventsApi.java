package io.lpr.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.lpr.event.PlateEvent;
import io.lpr.db.Database;
import io.lpr.events.EventStore;
import io.lpr.events.PlateEventJson;
import io.lpr.events.StoredEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /api/events}, {@code /api/events/{id}} and {@code /api/events/{id}/crop} (the snapshot's are
 * {@link SnapshotsApi}'s), read through {@link EventStore}:
 * a row that is partly unreadable is shown with {@code unreadable} naming the rest, never a 500.
 */
final class EventsApi {
    /** Event ids are UUIDs today (EventIds); this is wider, and still keeps anything odd out of the query. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Database db;

    EventsApi(Database db) {
        this.db = db;
    }

    /** The API's shape of an event: schema lpr.plate-event/2 (the one of Kafka and lpr query), no crop inline. */
    private static final PlateEventJson JSON = new PlateEventJson(false);

    /** A page of events, newest first, and the link to the next page (null on the last). */
    record Page(List<ObjectNode> events, int limit, int offset, String next) {}

    void list(Context ctx) {
        ctx.json(page(EventFilter.parse(QueryString.parse(ctx.queryString())), ctx.queryString()));
    }

    Page page(EventFilter filter, String queryString) {
        List<StoredEvent> found = new ArrayList<>(EventStore.read(db, filter.query()));
        Collections.reverse(found); // the store returns a page oldest first
        boolean more = found.size() > filter.limit();
        List<ObjectNode> events = found.stream().limit(filter.limit()).map(EventsApi::json).toList();
        String next = more ? "/api/events?" + withOffset(queryString, filter.offset() + filter.limit()) : null;
        return new Page(events, filter.limit(), filter.offset(), next);
    }

    /** The event of the request's {@code id}, as {@code /api/events/{id}} answers it (with its snapshot added). */
    ObjectNode json(Context ctx) {
        return json(find(ctx.pathParam("id"), false));
    }

    /** The event and the links to its crop and its page. */
    static ObjectNode json(StoredEvent stored) {
        String id = stored.event().eventId;
        return JSON.toJson(stored).put("crop_url", "/api/events/" + id + "/crop").put("page_url", "/events/" + id);
    }

    void crop(Context ctx) {
        PlateEvent event = find(ctx.pathParam("id"), true).event();
        if (event.cropJpeg == null || event.cropJpeg.length == 0) {
            throw new NotFound("event " + event.eventId + " has no crop");
        }
        // An event's crop is rewritten only when the same passage is replayed, so a short cache is safe.
        ctx.header("Cache-Control", "private, max-age=60").contentType("image/jpeg").result(event.cropJpeg);
    }

    StoredEvent find(String id, boolean withCrop) {
        if (!ID.matcher(id).matches()) {
            throw new BadRequest("event id '" + Text.clip(id) + "' is not valid: expected letters, digits, "
                    + "'.', '_', ':' and '-', at most 128");
        }
        return EventStore.readOne(db, id, withCrop).orElseThrow(() -> new NotFound("no event " + id));
    }

    /** The request's own parameters, with offset replaced: the next page keeps every filter. */
    private static String withOffset(String queryString, int offset) {
        List<String> parts = new ArrayList<>();
        if (queryString != null) {
            for (String part : queryString.split("&")) {
                if (!part.isEmpty() && !part.startsWith("offset=")) {
                    parts.add(part);
                }
            }
        }
        parts.add("offset=" + URLEncoder.encode(Integer.toString(offset), StandardCharsets.UTF_8));
        return String.join("&", parts);
    }
}
