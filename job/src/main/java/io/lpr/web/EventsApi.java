package io.lpr.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.lpr.event.PlateEvent;
import io.lpr.db.Database;
import io.lpr.events.EventFormat;
import io.lpr.events.EventKey;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.events.PlateEventJson;
import io.lpr.events.StoredEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /api/events} and its exports, {@code /api/events/{id}} and {@code /api/events/{id}/crop} (the snapshot's
 * are {@link SnapshotsApi}'s), read through {@link EventStore}: a row that is partly unreadable is shown with
 * {@code unreadable} naming the rest, never a 500.
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

    /**
     * A page of events, newest first; how many match the filter in all; the link to the older page ({@code next})
     * and to the newer one ({@code newer}), each null where there is none. Both links are keyset links
     * ({@code before}/{@code after}), so a page stays put while new events arrive.
     */
    record Page(List<ObjectNode> events, long total, int limit, int offset, String next, String newer) {}

    void list(Context ctx) {
        ctx.json(page(EventFilter.parse(QueryString.parse(ctx.queryString())), ctx.queryString()));
    }

    Page page(EventFilter filter, String queryString) {
        List<StoredEvent> found = new ArrayList<>(EventStore.read(db, filter.query()));
        if (filter.after() != null && found.size() <= filter.limit()) {
            // Nothing newer than this page: it is the newest page, shown whole.
            return page(filter.first(), withKey(queryString, null, null));
        }
        boolean older;
        boolean newer;
        if (filter.after() != null) {
            // Oldest first from the key: the extra one is newer than the page, the key's own event older.
            found = new ArrayList<>(found.subList(0, filter.limit()));
            older = true;
            newer = true;
        } else {
            older = found.size() > filter.limit();
            newer = !filter.newest();
        }
        Collections.reverse(found);
        List<StoredEvent> shown = found.stream().limit(filter.limit()).toList();
        String next = older && !shown.isEmpty()
                ? link(queryString, "before", EventKey.of(shown.get(shown.size() - 1))) : null;
        String newerLink = !newer ? null : shown.isEmpty()
                ? link(queryString, null, null) : link(queryString, "after", EventKey.of(shown.get(0)));
        long total = EventStore.count(db, filter.query());
        return new Page(shown.stream().map(EventsApi::json).toList(), total, filter.limit(), filter.offset(), next, newerLink);
    }

    /** {@code /api/events.csv} and {@code .json}: the filter's newest events as {@code lpr query --format} prints them. */
    void export(Context ctx, EventFormat.Kind kind) {
        EventFilter filter = EventFilter.export(QueryString.parse(ctx.queryString()));
        EventQuery query = filter.query().page(filter.limit(), filter.offset(), filter.before(), filter.after());
        List<StoredEvent> events = EventStore.read(db, query);
        StringWriter out = new StringWriter();
        EventFormat.print(events, kind, new PrintWriter(out));
        // Says how many matched, so a reader sees when the export stopped at its limit.
        ctx.header("X-Total-Count", Long.toString(EventStore.count(db, query)));
        ctx.header("Content-Disposition", "attachment; filename=\"lpr-events." + kind + "\"");
        ctx.contentType(kind == EventFormat.Kind.csv ? "text/csv; charset=utf-8" : "application/json").result(out.toString());
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

    private static String link(String queryString, String name, EventKey key) {
        return "/api/events?" + withKey(queryString, name, key);
    }

    /** The request's own parameters with its paging replaced by {@code name=key} (none if null): every filter stays. */
    private static String withKey(String queryString, String name, EventKey key) {
        List<String> parts = new ArrayList<>();
        if (queryString != null) {
            for (String part : queryString.split("&")) {
                if (!part.isEmpty() && !part.startsWith("offset=") && !part.startsWith("before=") && !part.startsWith("after=")) {
                    parts.add(part);
                }
            }
        }
        if (name != null) {
            parts.add(name + "=" + URLEncoder.encode(key.toString(), StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }
}
