package io.lpr.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The three pages: static HTML shells the browser fills from the JSON API (assets/lpr.js), every asset
 * served by this server. Their filters and ids are checked here first, so a bad link is a 400 or 404 page.
 */
final class Pages {
    private final String events = resource("events.html");
    private final String event = resource("event.html");
    private final String cameras = resource("cameras.html");
    private final EventsApi api;

    Pages(EventsApi api) {
        this.api = api;
    }

    void events(Context ctx) {
        EventFilter.parse(QueryString.parse(ctx.queryString()));
        ctx.html(events);
    }

    void event(Context ctx) {
        api.find(ctx.pathParam("id"), false);
        ctx.html(event);
    }

    void cameras(Context ctx) {
        ctx.html(cameras);
    }

    /** A page naming what went wrong; the message is escaped, as it may echo the request. */
    static String error(int status, String message) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>lpr: %d</title>
                <link rel="stylesheet" href="/assets/lpr.css"></head>
                <body><header><a href="/">Events</a> <a href="/cameras">Cameras</a> <a href="/journeys">Journeys</a></header>
                <main><h1>%d</h1><p class="error" role="alert">%s</p></main></body></html>
                """.formatted(status, status, Text.html(message));
    }

    private static String resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/lpr/web/assets/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
