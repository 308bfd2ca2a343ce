package io.lpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.alert.AlertsTable;
import io.lpr.db.Database;
import io.lpr.event.Alert;
import io.lpr.events.EventStore;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchLevel;
import io.lpr.watch.WatchTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch-list and alerts pages and API on a real SQLite file: read-only without a token, editable with one. */
class WatchWebTest {
    private static final String TOKEN = "0123456789abcdef-watch";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void database() throws Exception {
        db = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        EventStore.ensureSchema(db);
        new WatchTable(db).ensureSchema().put(WatchEntry.of("O567AM76", true, "stolen", WatchLevel.ALERT, null, "gate"));
        Alert a = new Alert();
        a.eventId = "e1";
        a.entry = "O567AM76";
        a.alertId = Alert.idOf("e1", a.entry);
        a.level = "alert";
        a.cameraId = "gate";
        a.plateText = "0567AM76";
        a.confidence = 0.9f;
        a.seenAt = 1_765_000_000_000L;
        new AlertsTable(db).ensureSchema().insert(List.of(a));
    }

    @Test
    void withoutATokenTheListAndAlertsAreShownAndNothingChanges() throws Exception {
        try (WebServer server = WebServer.start(db.readOnly(), db, "127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(base + "/api/watchlist")).GET());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"plate\":\"O567AM76\"").contains("\"near\":true")
                    .contains("\"cameras\":[\"gate\"]").contains("\"editable\":false");
            HttpResponse<String> alerts = send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?camera=gate")).GET());
            assertThat(alerts.body()).contains("\"schema\":\"lpr.alert/1\"").contains("\"plate\":\"0567AM76\"");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/watchlist")).GET()).body()).contains("watch.js");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/alerts")).GET()).body()).contains("id=\"badge\"");

            HttpResponse<String> add = send(json(base, "{\"plate\":\"A111AA77\"}"));
            assertThat(add.statusCode()).isEqualTo(403);
            assertThat(add.body()).contains("LPR_SERVE_TOKEN");
            assertThat(new WatchTable(db).list()).hasSize(1);
        }
    }

    @Test
    void withATokenEntriesAreAddedAndRemovedAsJson() throws Exception {
        try (WebServer server = WebServer.start(db.readOnly(), db, "127.0.0.1", 0, TOKEN)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> add = send(json(base, "{\"plate\":\"а111аа77\",\"level\":\"info\",\"until\":\"2030-01-01\","
                    + "\"cameras\":[\"street\"]}").header("Authorization", "Bearer " + TOKEN));
            assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
            assertThat(new WatchTable(db).list()).extracting(e -> e.plate + ":" + e.level.label() + ":" + String.join(",", e.cameras))
                    .containsExactly("A111AA77:info:street", "O567AM76:alert:gate");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/watchlist"))
                    .header("Authorization", "Bearer " + TOKEN).GET()).body()).contains("\"editable\":true");

            HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/api/watchlist"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"plate\":\"B222BB77\"}")));
            assertThat(form.statusCode()).as("only JSON, which another site's page cannot send").isEqualTo(400);
            assertThat(send(json(base, "{\"plate\":\"B2%\"}").header("Authorization", "Bearer " + TOKEN)).statusCode())
                    .isEqualTo(400);
            assertThat(send(json(base, "{\"plate\":\"B222BB77\"}")).statusCode()).as("no token").isEqualTo(401);

            HttpRequest.Builder remove = HttpRequest.newBuilder(URI.create(base + "/api/watchlist/A111AA77"))
                    .header("Authorization", "Bearer " + TOKEN).DELETE();
            assertThat(send(remove).statusCode()).isEqualTo(204);
            assertThat(send(remove).statusCode()).isEqualTo(404);
            assertThat(new WatchTable(db).list()).extracting(e -> e.plate).containsExactly("O567AM76");
        }
    }

    private static HttpRequest.Builder json(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/watchlist")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
