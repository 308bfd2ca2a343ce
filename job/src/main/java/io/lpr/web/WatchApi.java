package io.lpr.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.lpr.alert.AlertJson;
import io.lpr.alert.AlertsTable;
import io.lpr.db.Database;
import io.lpr.events.Times;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchLevel;
import io.lpr.watch.WatchTable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/watchlist} and {@code /api/alerts}. The watch list is read by anyone the server answers; it is
 * changed ({@code POST /api/watchlist}, {@code DELETE /api/watchlist/{plate}}) only when the server has an
 * access token, so every change carried it (the same token {@code lpr serve} takes); without one the list is
 * read-only. A change must be JSON ({@code Content-Type: application/json}): a page of another site cannot
 * send that without the CORS preflight this server never grants, so a browser's remembered password cannot
 * be used against it.
 */
final class WatchApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database readOnly;
    private final Database writable;

    /** @param writable the database the changes go to; null: the list is read-only */
    WatchApi(Database readOnly, Database writable) {
        this.readOnly = readOnly;
        this.writable = writable;
    }

    boolean editable() {
        return writable != null;
    }

    void list(Context ctx) {
        List<ObjectNode> entries = new ArrayList<>();
        for (WatchEntry e : new WatchTable(readOnly).list()) {
            ObjectNode o = JSON.createObjectNode().put("plate", e.plate).put("near", e.near).put("note", e.note)
                    .put("level", e.level.label()).put("until", e.until == null ? null : Instant.ofEpochMilli(e.until).toString());
            o.putArray("cameras").addAll(e.cameras == null ? List.of() : List.of(e.cameras).stream().map(JSON::valueToTree)
                    .map(JsonNode.class::cast).toList());
            entries.add(o);
        }
        ctx.json(Map.of("entries", entries, "editable", editable()));
    }

    void add(Context ctx) {
        requireEditable();
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/json")) {
            throw new BadRequest("a watch entry is sent as JSON (Content-Type: application/json)");
        }
        WatchEntry entry;
        try {
            JsonNode body = JSON.readTree(ctx.body());
            List<String> cameras = new ArrayList<>();
            body.path("cameras").forEach(c -> cameras.add(c.asText()));
            String until = body.path("until").asText("");
            entry = WatchEntry.of(body.path("plate").asText(null), body.path("near").asBoolean(false),
                    body.path("note").asText(null), WatchLevel.parse(body.path("level").asText("alert")),
                    until.isBlank() ? null : Times.parse(until).toEpochMilli(), cameras.toArray(String[]::new));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadRequest("not a watch entry: " + Text.clip(String.valueOf(e.getMessage())));
        }
        new WatchTable(writable).ensureSchema().put(entry);
        ctx.status(201).json(Map.of("plate", entry.plate));
    }

    void remove(Context ctx) {
        requireEditable();
        String plate = ctx.pathParam("plate");
        if (!new WatchTable(writable).ensureSchema().remove(plate)) {
            throw new NotFound("no watch entry '" + Text.clip(plate) + "'");
        }
        ctx.status(204);
    }

    /** The newest alerts (at most {@code limit}, default 100), newest first; {@code camera}, {@code plate}, {@code since}. */
    void alerts(Context ctx) {
        Map<String, List<String>> q = QueryString.parse(ctx.queryString());
        int limit;
        Instant since;
        try {
            limit = Integer.parseInt(first(q, "limit", "100"));
            since = first(q, "since", null) == null ? null : Times.parse(first(q, "since", null));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(Text.clip(String.valueOf(e.getMessage())));
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequest("limit must be 1..1000");
        }
        List<ObjectNode> alerts = new ArrayList<>();
        new AlertsTable(readOnly).query(new AlertsTable.Query(first(q, "camera", null), first(q, "plate", null), since, limit))
                .forEach(a -> alerts.add(0, AlertJson.toJson(a)));
        ctx.json(Map.of("alerts", alerts));
    }

    private static String first(Map<String, List<String>> q, String key, String otherwise) {
        List<String> values = q.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? otherwise : values.get(0);
    }

    private void requireEditable() {
        if (writable == null) {
            throw new AccessToken.Forbidden("the watch list is read-only: changing it from the web needs " + AccessToken.ENV);
        }
    }
}
