package io.lpr.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.registry.RegistryException;
import io.lpr.events.EventFormat;
import io.lpr.events.EventStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lpr serve}: the events, their crops and the cameras as web pages and a JSON API (docs/api.md),
 * read-only on the job's database. Every failure is a status with a one-line message: 400 for a bad
 * parameter, 401/403 for a request without the token or from a non-loopback name ({@link AccessToken}), 404
 * for an unknown event or route, 405 (with {@code Allow}) for a method a route does not take, 503 while the database is missing or locked (the server stays up and answers again
 * once it is back), 500 with no detail for a bug (logged here). {@code POST /api/recognize} reads plates in an image
 * where it is served ({@link RecognizeApi}).
 */
public final class WebServer implements AutoCloseable {
    /** Where {@code lpr serve} reads its optional access token. */
    public static final String TOKEN_ENV = AccessToken.ENV;
    /** The most of a refused request's body read before the answer (a larger one is cut off). */
    private static final long DISCARD_LIMIT = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final RecognizeApi recognize;

    private WebServer(Javalin app, RecognizeApi recognize) {
        this.app = app;
        this.recognize = recognize;
    }

    /** Why {@code token} cannot guard the server (too short), or null when it can; never quotes the token. */
    public static String tokenProblem(String token) {
        return token == null || token.isBlank() ? null : AccessToken.problem(token);
    }

    /**
     * Starts serving; port 0 picks a free one ({@link #port()}).
     *
     * @param db opened read-only ({@link Database#readOnly})
     * @param token the access token, or null for none
     * @throws IllegalArgumentException for a token that {@link #tokenProblem} refuses
     */
    public static WebServer start(Database db, String host, int port, String token) {
        return start(db, host, port, token, RecognizeApi.off());
    }

    /** As {@link #start(Database, String, int, String)}, serving {@code POST /api/recognize} as {@code recognize} says. */
    public static WebServer start(Database db, String host, int port, String token, RecognizeApi recognize) {
        return start(db, null, host, port, token, recognize);
    }

    /** As {@link #start(Database, Database, String, int, String, RecognizeApi)}, without {@code /api/recognize}. */
    public static WebServer start(Database db, Database writable, String host, int port, String token) {
        return start(db, writable, host, port, token, RecognizeApi.off());
    }

    /**
     * As {@link #start(Database, String, int, String, RecognizeApi)}; with a token, the watch list can be changed
     * through {@code writable} (the same database, not read-only): the only table this server ever writes.
     */
    public static WebServer start(Database db, Database writable, String host, int port, String token,
            RecognizeApi recognize) {
        AccessToken access = AccessToken.of(token);
        WatchApi watch = new WatchApi(db, access.required() ? writable : null);
        Javalin app = Javalin.create(config -> configure(config, db, access, recognize, watch));
        app.start(host, port);
        return new WebServer(app, recognize);
    }

    private static void configure(JavalinConfig config, Database db, AccessToken access, RecognizeApi recognize,
            WatchApi watch) {
        EventsApi events = new EventsApi(db);
        CamerasApi cameras = new CamerasApi(db);
        SnapshotsApi snapshots = new SnapshotsApi(db, events);
        Pages pages = new Pages(events);
        JourneysApi journeys = new JourneysApi(db);
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/io/lpr/web/assets";
            files.location = Location.CLASSPATH;
        });
        config.routes.before(ctx -> {
            securityHeaders(ctx);
            if (!ctx.path().equals("/healthz")) {
                access.check(ctx);
            }
        });
        config.routes.get("/", pages::events);
        config.routes.get("/events/{id}", pages::event);
        config.routes.get("/cameras", pages::cameras);
        config.routes.get("/journeys", journeys::page);
        config.routes.get("/api/events", events::list);
        config.routes.get("/api/events.csv", ctx -> events.export(ctx, EventFormat.Kind.csv));
        config.routes.get("/api/events.json", ctx -> events.export(ctx, EventFormat.Kind.json));
        config.routes.get("/api/events/{id}", ctx -> ctx.json(snapshots.describe(events.json(ctx))));
        config.routes.get("/api/events/{id}/snapshot", snapshots::serve);
        config.routes.get("/api/events/{id}/crop", events::crop);
        config.routes.get("/api/cameras", cameras::list);
        config.routes.get("/api/journeys", journeys::list);
        config.routes.get("/watchlist", pages::watchlist);
        config.routes.get("/alerts", pages::alerts);
        config.routes.get("/api/watchlist", watch::list);
        config.routes.post("/api/watchlist", watch::add);
        config.routes.delete("/api/watchlist/{plate}", watch::remove);
        config.routes.get("/api/alerts", watch::alerts);
        config.routes.get("/healthz", ctx -> health(ctx, db, access));
        recognize.register(config);

        config.routes.exception(BadRequest.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
        config.routes.exception(NotFound.class, (e, ctx) -> fail(ctx, 404, e.getMessage()));
        config.routes.exception(AccessToken.Unauthorized.class, (e, ctx) -> fail(ctx, 401, e.getMessage()));
        config.routes.exception(AccessToken.Forbidden.class, (e, ctx) -> fail(ctx, 403, e.getMessage()));
        config.routes.exception(HttpResponseException.class, WebServer::routing);
        config.routes.exception(DatabaseException.class, (e, ctx) -> unavailable(ctx, e));
        config.routes.exception(RegistryException.class, (e, ctx) -> unavailable(ctx, e));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            fail(ctx, 500, "internal error; the server log has the details");
        });
    }

    /**
     * "ok" to anyone, as a load balancer asks; the event count only to a caller the token rules let in, and
     * a database failure's detail (a path, a host) likewise.
     */
    private static void health(Context ctx, Database db, AccessToken access) {
        boolean full = access.allows(ctx);
        long events;
        try {
            events = EventStore.count(db);
        } catch (DatabaseException e) {
            if (full) {
                throw e;
            }
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            fail(ctx, 503, "database unavailable");
            return;
        }
        ctx.json(full ? Map.of("status", "ok", "events", events) : Map.of("status", "ok"));
    }

    /** Javalin's own answers (no route, a route without this method) in the documented error body. */
    private static void routing(HttpResponseException e, Context ctx) {
        String path = Text.clip(ctx.path());
        if (e.getStatus() == 405 && ctx.path().equals(RecognizeApi.PATH)) {
            ctx.header("Allow", "POST");
            fail(ctx, 405, "method " + Text.clip(ctx.method().name()) + " is not allowed on " + path
                    + "; it takes POST with an image as the body");
        } else if (e.getStatus() == 405) {
            String allow = ctx.path().equals("/api/watchlist") ? "GET, HEAD, POST"
                    : ctx.path().startsWith("/api/watchlist/") ? "DELETE" : "GET, HEAD";
            ctx.header("Allow", allow);
            fail(ctx, 405, "method " + Text.clip(ctx.method().name()) + " is not allowed on " + path + "; it takes " + allow);
        } else if (e.getStatus() == 404) {
            fail(ctx, 404, "no page or API at " + path);
        } else {
            fail(ctx, e.getStatus(), e.getMessage());
        }
    }

    /** Pages only from here, scripts and styles only from here, nothing framed, no sniffing. */
    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self'; object-src 'none'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static void unavailable(Context ctx, RuntimeException e) {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        fail(ctx, 503, "database unavailable: " + e.getMessage());
    }

    /** JSON for the API and health check, an HTML page for the pages. */
    static void fail(Context ctx, int status, String message) {
        discardBody(ctx);
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/healthz")) {
            ctx.json(Map.of("status", status, "error", message));
        } else {
            ctx.html(Pages.error(status, message));
        }
    }

    /**
     * Reads what is left of a refused request's body, up to {@value #DISCARD_LIMIT} bytes. A server that answers and
     * closes while the caller is still sending makes the caller's TCP stack reset the connection and drop the answer:
     * the caller would see no status at all, only a broken connection.
     */
    private static void discardBody(Context ctx) {
        // A caller that waits for "100 Continue" sends no body unless told to: reading would ask for it.
        if (ctx.req().getContentLengthLong() == 0 || "100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            return;
        }
        try {
            InputStream rest = ctx.req().getInputStream();
            byte[] buffer = new byte[65_536];
            long read = 0;
            for (int n; read < DISCARD_LIMIT && (n = rest.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The answer goes anyway; the caller may then see the connection closed.
        }
    }

    public int port() {
        return app.port();
    }

    /** Answers what recognition holds first (a batch in hand is read, the rest refused), then stops serving. */
    @Override
    public void close() {
        try {
            recognize.close();
        } catch (Exception e) {
            LOG.warn("stopping recognition failed: {}", e.toString());
        } finally {
            app.stop();
        }
    }
}
