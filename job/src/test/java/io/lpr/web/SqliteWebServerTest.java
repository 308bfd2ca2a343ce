package io.lpr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lpr.db.Database;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API on a SQLite file, plus what only SQLite shows: a missing file, a locked file, the pages. */
class SqliteWebServerTest extends WebServerContract {
    @TempDir
    Path dir;

    @Override
    Database writable() {
        return Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
    }

    @Override
    Database readOnly() {
        return writable().readOnly();
    }

    @Test
    void aMissingDatabaseIsAClearErrorAndTheServerStaysUp() throws Exception {
        Path missing = dir.resolve("later.db");
        Database later = Database.of("jdbc:sqlite:" + missing, null, null);
        try (WebServer other = WebServer.start(later.readOnly(), "127.0.0.1", 0, null)) {
            Http client = new Http(other.port());
            String expected = "database unavailable: no SQLite database at " + missing;
            assertThat(json(client.get("/api/events"), 503).get("error").asText()).isEqualTo(expected);
            assertThat(json(client.get("/api/cameras"), 503).get("error").asText()).isEqualTo(expected);
            assertThat(json(client.get("/healthz"), 503).get("error").asText()).isEqualTo(expected);
            HttpResponse<String> page = client.get("/events/00000000-0000-0000-0000-000000000000");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(Files.exists(missing)).as("a reader never creates the database").isFalse();

            WebFixture.fill(later);
            assertThat(plates(json(client.get("/api/events"), 200))).hasSize(4);
        }
    }

    /** A database the job wrote before snapshots existed has no table for them: its events have none, no error. */
    @Test
    void aDatabaseFromBeforeSnapshotsServesItsEventsWithoutOne() throws Exception {
        try (Connection c = writable().connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE plate_snapshots");
        }
        String id = WebFixture.events().get(0).eventId;
        assertThat(json(http.get("/api/events/" + id), 200).get("snapshot").isNull()).isTrue();
        assertThat(json(http.get("/api/events/" + id + "/snapshot"), 404).get("error").asText())
                .isEqualTo("event " + id + " has no snapshot");
    }

    @Test
    void aLockedDatabaseIsAClearErrorAndTheServerStaysUp() throws Exception {
        try (Connection locker = writable().connect(); Statement st = locker.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            String error = json(http.get("/api/events"), 503).get("error").asText();
            assertThat(error).startsWith("database unavailable: cannot query ").contains("locked");
            st.execute("ROLLBACK");
        }
        assertThat(plates(json(http.get("/api/events"), 200))).hasSize(4);
    }

    @Test
    void badParametersAre400WithAReadableMessage() throws Exception {
        assertThat(json(http.get("/api/events?since=yesterday"), 400).get("error").asText())
                .isEqualTo("since 'yesterday' is not a time: expected " + io.lpr.events.Times.EXAMPLES);
        assertThat(json(http.get("/api/events?since=2024-05-02T00:00:00Z&until=2024-05-01T00:00:00Z"), 400)
                .get("error").asText())
                .isEqualTo("since (2024-05-02T00:00:00Z) must be before until (2024-05-01T00:00:00Z)");
        assertThat(json(http.get("/api/events?limit=0"), 400).get("error").asText())
                .isEqualTo("limit '0' is not valid: expected a whole number from 1 to 500");
        assertThat(json(http.get("/api/events?offset=-1"), 400).get("error").asText())
                .isEqualTo("offset '-1' is not valid: expected a whole number from 0 to 1000000");
        assertThat(json(http.get("/api/events?sort=plate"), 400).get("error").asText())
                .startsWith("unknown parameter 'sort'");
        assertThat(json(http.get("/api/events?camera=a&camera=b"), 400).get("error").asText())
                .isEqualTo("parameter 'camera' given 2 times; give it once");
        assertThat(json(http.get("/api/events?before=yesterday"), 400).get("error").asText())
                .isEqualTo("before 'yesterday' is not valid: expected the key a page's next or newer link carries, "
                        + "<first_seen ms>.<event id>");
        assertThat(json(http.get("/api/events?before=1.a&offset=2"), 400).get("error").asText())
                .isEqualTo("give one of before, after and offset, not several");
        assertThat(json(http.get("/api/events.csv?since=noon"), 400).get("error").asText())
                .startsWith("since 'noon' is not a time");
        HttpResponse<String> page = http.get("/?until=noon");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("until &#39;noon&#39; is not a time");
    }

    @Test
    void oddRequestsGetAStatusNeverAStackTrace() {
        for (String path : List.of("/nope", "/api/events/%00/crop",
                "/api/events?plate=" + "A".repeat(5000), "/events/..%2F..%2Fetc%2Fpasswd", "/assets/../../pom.xml")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("\tat ");
        }
        String malformed = http.raw("/api/events?plate=%ZZ");
        assertThat(malformed).startsWith("HTTP/1.1 400").doesNotContain("Exception").doesNotContain("\tat ")
                .contains("the query string is malformed near '%ZZ'");
    }

    @Test
    void anErrorPageShowsHostileInputAsText() {
        HttpResponse<String> page = http.get("/?camera=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void pagesAndAssetsAreServedHere() {
        for (String path : new String[] {"/", "/cameras", "/events/" + WebFixture.events().get(0).eventId}) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<script src=\"/assets/lpr.js\" defer></script>")
                    .doesNotContain("http://").doesNotContain("https://");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).startsWith("default-src 'self'"));
        }
        assertThat(http.get("/assets/lpr.js").statusCode()).isEqualTo(200);
        assertThat(http.get("/assets/lpr.css").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenOnlyLoopbackNamesAreAnswered() {
        for (String host : List.of("localhost", "127.0.0.1", "localhost:" + server.port(), "[::1]:" + server.port())) {
            assertThat(http.raw("/api/cameras", host)).as(host).startsWith("HTTP/1.1 200");
        }
        // A page elsewhere that re-points its own name at 127.0.0.1 (DNS rebinding) must not read the events.
        assertThat(http.raw("/api/events", "rebind.example:" + server.port())).startsWith("HTTP/1.1 403")
                .contains("this server answers only to localhost or 127.0.0.1 (Host was 'rebind.example:");
        assertThat(http.raw("/", "localhost.evil.example")).startsWith("HTTP/1.1 403");
    }

    @Test
    void withATokenEveryRequestButTheHealthCheckNeedsIt() throws Exception {
        String token = "t0ken-of-16-char";
        try (WebServer guarded = WebServer.start(readOnly(), "127.0.0.1", 0, token)) {
            Http client = new Http(guarded.port());
            HttpResponse<String> refused = client.get("/api/events");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(client.get("/").statusCode()).isEqualTo(401);
            assertThat(client.get("/assets/lpr.js").statusCode()).isEqualTo(401);
            String snapshot = "/api/events/" + WebFixture.events().get(0).eventId + "/snapshot";
            assertThat(client.get(snapshot).statusCode()).isEqualTo(401);
            assertThat(client.get(snapshot, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(client.get("/api/events", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(client.get("/api/events", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            String basic = Base64.getEncoder().encodeToString(("anyone:" + token).getBytes());
            assertThat(client.get("/", "Authorization", "Basic " + basic).statusCode()).isEqualTo(200);
            assertThat(client.raw("/api/events", "lpr.example")).as("with a token, any name").startsWith("HTTP/1.1 401");

            // The health check answers anyone, but the counts only with the token.
            assertThat(json(client.get("/healthz"), 200)).hasToString("{\"status\":\"ok\"}");
            assertThat(json(client.get("/healthz", "Authorization", "Bearer wrong-token-of-16c"), 200))
                    .hasToString("{\"status\":\"ok\"}");
            JsonNode counted = json(client.get("/healthz", "Authorization", "Bearer " + token), 200);
            assertThat(counted.get("status").asText()).isEqualTo("ok");
            assertThat(counted.get("events").asLong()).isEqualTo(4);
        }
    }

    @Test
    void withoutATokenTheHealthCheckCountsOnlyForLoopbackNames() {
        assertThat(http.raw("/healthz", "localhost")).startsWith("HTTP/1.1 200").contains("\"events\":4");
        String elsewhere = http.raw("/healthz", "lb.example");
        assertThat(elsewhere).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"ok\"}");
    }

    @Test
    void theHealthCheckHidesTheDatabaseFromCallersWithoutAccess() throws Exception {
        Path missing = dir.resolve("later.db");
        String token = "a-token-of-sixteen";
        try (WebServer other = WebServer.start(Database.of("jdbc:sqlite:" + missing, null, null).readOnly(), "127.0.0.1", 0, token)) {
            Http client = new Http(other.port());
            assertThat(json(client.get("/healthz"), 503).get("error").asText()).isEqualTo("database unavailable");
            assertThat(json(client.get("/healthz", "Authorization", "Bearer " + token), 503).get("error").asText())
                    .isEqualTo("database unavailable: no SQLite database at " + missing);
        }
    }

    @Test
    void aTokenShorterThan16CharactersIsRefused() {
        assertThatThrownBy(() -> WebServer.start(readOnly(), "127.0.0.1", 0, "fifteen-chars-x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LPR_SERVE_TOKEN is 15 characters long; it must have at least 16 (e.g. the output of: openssl rand -hex 16)");
        assertThat(WebServer.tokenProblem("sixteen-chars-xx")).isNull();
        assertThat(WebServer.tokenProblem(null)).isNull();
    }

    /** A camera row written by hand with a malformed setting still lists, with its URL masked. */
    @Test
    void aMalformedCameraRowStillLists() throws Exception {
        try (Connection connection = writable().connect(); Statement st = connection.createStatement()) {
            st.execute("INSERT INTO cameras (id, url, fps) VALUES ('yard', 'rtsp://u:hunter2@10.0.0.6/s', 'fast')");
        }
        HttpResponse<String> response = http.get("/api/cameras");
        assertThat(json(response, 200).get("cameras").get(1).get("url").asText()).isEqualTo("rtsp://u:***@10.0.0.6/s");
        assertThat(response.body()).doesNotContain("hunter2");
    }
}
