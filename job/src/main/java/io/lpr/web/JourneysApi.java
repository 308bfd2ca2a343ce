package io.lpr.web;

import io.javalin.http.Context;
import io.lpr.db.Database;
import io.lpr.journeys.JourneyJson;
import io.lpr.journeys.JourneysTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code /journeys} and {@code /api/journeys} (docs/api.md): the open journeys (what is inside now, counted per
 * journey) and the newest journeys with the duration of the closed ones. {@code open=true} lists only the open
 * ones; {@code limit} 1..500 (default 100).
 */
final class JourneysApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final Database db;
    private final String page;

    JourneysApi(Database db) {
        this.db = db;
        this.page = resource();
    }

    /** @param inside open journeys per journey name: the occupancy */
    record Journeys(Map<String, Long> inside, List<JourneyJson> journeys) {}

    void list(Context ctx) {
        Map<String, List<String>> params = QueryString.parse(ctx.queryString());
        for (String name : params.keySet()) {
            if (!name.equals("open") && !name.equals("limit")) {
                throw new BadRequest("unknown parameter '" + Text.clip(name) + "': use open, limit");
            }
        }
        boolean open = switch (single(params, "open", "false")) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw new BadRequest("open must be true or false");
        };
        int limit;
        try {
            limit = Integer.parseInt(single(params, "limit", Integer.toString(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("limit is not valid: expected a whole number from 1 to " + MAX_LIMIT);
        }
        // Newest entry first, as the events page lists its events.
        List<JourneyJson> rows = new ArrayList<>(JourneysTable.read(db, open, limit).stream().map(JourneyJson::of).toList());
        Collections.reverse(rows);
        ctx.json(new Journeys(JourneysTable.openCounts(db), rows));
    }

    void page(Context ctx) {
        ctx.html(page);
    }

    private static String single(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BadRequest("parameter '" + name + "' given " + values.size() + " times; give it once");
        }
        return values.isEmpty() ? fallback : values.get(0).strip();
    }

    private static String resource() {
        try (InputStream in = JourneysApi.class.getResourceAsStream("assets/journeys.html")) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/lpr/web/assets/journeys.html");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
