package io.lpr.web;

import io.lpr.sink.PlateEventStatement;
import io.lpr.events.EventFormat;
import io.lpr.events.EventQuery;
import io.lpr.events.PlateEventJson;
import io.lpr.events.TimeForms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.event.PlateEvent;
import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.events.EventStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON API over real HTTP against a database the event store filled; run on SQLite and PostgreSQL. */
abstract class WebServerContract {
    static final ObjectMapper JSON = new ObjectMapper();

    WebServer server;
    Http http;

    /** A fresh, empty database for one test. */
    abstract Database writable();

    /** The same database as the server opens it: read-only. */
    abstract Database readOnly();

    @BeforeEach
    void startServer() {
        WebFixture.fill(writable());
        server = WebServer.start(readOnly(), "127.0.0.1", 0, null);
        http = new Http(server.port());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<String> plates(JsonNode page) {
        List<String> plates = new ArrayList<>();
        page.get("events").forEach(e -> plates.add(e.get("plate").asText()));
        return plates;
    }

    @Test
    void listsEventsNewestFirstWithWhatThePageShows() throws Exception {
        JsonNode page = json(http.get("/api/events"), 200);
        assertThat(plates(page)).containsExactly(WebFixture.HOSTILE, "K095AE177", "O459OO97", "B840CK197");
        JsonNode first = page.get("events").get(3);
        PlateEvent expected = WebFixture.events().get(0);
        assertThat(first.get("event_id").asText()).isEqualTo(expected.eventId);
        assertThat(first.get("camera_id").asText()).isEqualTo("gate");
        assertThat(first.get("first_seen").asText()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(first.get("last_seen").asText()).isEqualTo("2024-05-01T12:00:02.400Z");
        assertThat(first.get("frames").asInt()).isEqualTo(12);
        assertThat(first.get("votes").asInt()).isEqualTo(9);
        assertThat(first.get("confidence").floatValue()).isEqualTo(0.87f);
        assertThat(first.get("schema").asText()).isEqualTo(PlateEventJson.SCHEMA);
        assertThat(first.get("plate").asText()).isEqualTo("B840CK197");
        assertThat(first.get("runner_ups").get(0).get("plate").asText()).isEqualTo("B840OK197");
        assertThat(first.get("runner_ups").get(0).get("votes").asInt()).isEqualTo(3);
        assertThat(first.has("unreadable")).as("a row read whole names nothing unreadable").isFalse();
        assertThat(first.get("detection_score").floatValue()).isEqualTo(0.91f);
        assertThat(first.get("text_score").floatValue()).isEqualTo(-102.3f);
        assertThat(first.get("box").get("x1").floatValue()).isEqualTo(232.44186f);
        assertThat(first.get("crop_url").asText()).isEqualTo("/api/events/" + expected.eventId + "/crop");
        assertThat(first.get("page_url").asText()).isEqualTo("/events/" + expected.eventId);
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void filtersByCameraPlateAndTimeAsLprQueryDoes() throws Exception {
        assertThat(plates(json(http.get("/api/events?camera=gate"), 200))).containsExactly("K095AE177", "B840CK197");
        assertThat(plates(json(http.get("/api/events?plate=B840CK197"), 200))).containsExactly("B840CK197");
        assertThat(plates(json(http.get("/api/events?plate=" + encode(WebFixture.PARTIAL_PLATE)), 200)))
                .containsExactly("B840CK197");
        assertThat(plates(json(http.get("/api/events?plate=" + encode(WebFixture.PLATE_PREFIX) + "&camera=yard"), 200)))
                .containsExactly("O459OO97");
        assertThat(plates(json(http.get("/api/events?since=2024-05-01T12:01:00Z&until=2024-05-01T12:03:00Z"), 200)))
                .containsExactly("K095AE177", "O459OO97");
        // A time without zone is UTC, as the page's fields say.
        assertThat(plates(json(http.get("/api/events?until=2024-05-01T12:00:30"), 200))).containsExactly("B840CK197");
        assertThat(plates(json(http.get("/api/events?plate=X000XX00"), 200))).isEmpty();
    }

    /** Every time form lpr query --since takes (README) is taken by the API too, also a + not written %2B. */
    @Test
    void takesEveryTimeFormOfLprQuery() throws Exception {
        for (String form : TimeForms.FORMS) {
            assertThat(plates(json(http.get("/api/events?since=" + encode(form)), 200))).as(form)
                    .containsExactly(WebFixture.HOSTILE, "K095AE177", "O459OO97");
        }
        assertThat(plates(json(http.get("/api/events?since=2024-05-01T15:01+03:00"), 200))).hasSize(3);
        assertThat(plates(json(http.get("/api/events?since=" + TimeForms.DATE), 200))).hasSize(4);
        assertThat(plates(json(http.get("/api/events?until=" + TimeForms.DATE), 200))).isEmpty();
    }

    /** A stored value the reader cannot take (runner-ups without votes) is named; the rest of the row is shown. */
    @Test
    void aMalformedRowIsShownWithWhatIsUnreadable() throws Exception {
        PlateEvent car = WebFixture.events().get(0);
        try (Connection c = writable().connect();
                PreparedStatement ps = c.prepareStatement("UPDATE plate_events SET runner_ups = ? WHERE event_id = ?")) {
            ps.setString(1, "B840OK197,B840CK19:1");
            ps.setString(2, car.eventId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode page = json(http.get("/api/events"), 200);
        assertThat(plates(page)).hasSize(4);
        JsonNode event = json(http.get("/api/events/" + car.eventId), 200);
        assertThat(event.get("plate").asText()).isEqualTo("B840CK197");
        assertThat(event.get("runner_ups")).hasSize(1);
        assertThat(event.get("runner_ups").get(0).get("plate").asText()).isEqualTo("B840CK19");
        assertThat(event.get("unreadable").get(0).asText()).isEqualTo("runner_ups: 'B840OK197' is not TEXT:VOTES");
        assertThat(page.get("events").get(3).get("unreadable").get(0).asText()).startsWith("runner_ups:");
        assertThat(http.get("/events/" + car.eventId).statusCode()).isEqualTo(200);
        assertThat(http.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesKeepTheFiltersAndCountTheWholeFilter() throws Exception {
        JsonNode first = json(http.get("/api/events?camera=gate&limit=1"), 200);
        assertThat(plates(first)).containsExactly("K095AE177");
        assertThat(first.get("total").asLong()).isEqualTo(2);
        assertThat(first.get("newer").isNull()).as("the newest page").isTrue();
        String next = first.get("next").asText();
        assertThat(next).contains("camera=gate").contains("limit=1").contains("before=");
        JsonNode second = json(http.get(next), 200);
        assertThat(plates(second)).containsExactly("B840CK197");
        assertThat(second.get("total").asLong()).isEqualTo(2);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(plates(json(http.get(second.get("newer").asText()), 200))).containsExactly("K095AE177");
        // The old offset paging still answers.
        JsonNode byOffset = json(http.get("/api/events?camera=gate&limit=1&offset=1"), 200);
        assertThat(plates(byOffset)).containsExactly("B840CK197");
        assertThat(byOffset.get("offset").asInt()).isEqualTo(1);
        assertThat(json(http.get("/api/events"), 200).get("total").asLong()).isEqualTo(4);
    }

    /** A page reached by its link shows the same events after new ones arrive; offset paging would shift. */
    @Test
    void aPageStaysPutWhileNewEventsArrive() throws Exception {
        JsonNode first = json(http.get("/api/events?limit=2"), 200);
        String older = first.get("next").asText();
        assertThat(plates(json(http.get(older), 200))).containsExactly("O459OO97", "B840CK197");

        PlateEventStatement.upsert(writable(), List.of(WebFixture.event("yard", "A123BC77", WebFixture.T0.plusSeconds(600), null)));
        JsonNode again = json(http.get(older), 200);
        assertThat(plates(again)).containsExactly("O459OO97", "B840CK197");
        assertThat(again.get("total").asLong()).isEqualTo(5);
        assertThat(plates(json(http.get("/api/events?limit=2&offset=2"), 200))).containsExactly("K095AE177", "O459OO97");
        // Newer than that page: the two just newer, and a link on to the rest.
        JsonNode newer = json(http.get(again.get("newer").asText()), 200);
        assertThat(plates(newer)).containsExactly(WebFixture.HOSTILE, "K095AE177");
        JsonNode newest = json(http.get(newer.get("newer").asText()), 200);
        assertThat(plates(newest)).containsExactly("A123BC77", WebFixture.HOSTILE);
        assertThat(newest.get("newer").isNull()).as("nothing is newer: the newest page, whole").isTrue();
    }

    /** {@code ~PLATE} finds plates within one edit, as {@code lpr query --near}. */
    @Test
    void findsNearMisses() throws Exception {
        JsonNode near = json(http.get("/api/events?plate=" + encode("~B840OK197")), 200);
        assertThat(plates(near)).containsExactly("B840CK197");
        assertThat(near.get("total").asLong()).isEqualTo(1);
        assertThat(plates(json(http.get("/api/events?plate=" + encode("~O459OO9")), 200))).containsExactly("O459OO97");
        assertThat(plates(json(http.get("/api/events?camera=gate&plate=" + encode("~O459OO9")), 200))).isEmpty();
        assertThat(plates(json(http.get("/api/events?plate=" + encode("~A000AA00")), 200))).isEmpty();
        assertThat(json(http.get("/api/events?plate=" + encode("~O459*")), 400).get("error").asText())
                .startsWith("plate 'O459*' is not valid: expected after ~ a whole plate");
    }

    /** The exports are what lpr query --format csv / json prints for the same filter. */
    @Test
    void exportsTheFilterAsCsvAndJson() throws Exception {
        HttpResponse<String> csv = http.get("/api/events.csv?camera=gate");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"lpr-events.csv\"");
        assertThat(csv.headers().firstValue("X-Total-Count")).hasValue("2");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("event_id,camera_id,plate_text,confidence,first_seen");
        assertThat(lines.get(1)).contains(",gate,B840CK197,0.870,2024-05-01T12:00:00Z,");
        assertThat(lines.get(2)).contains(",gate,K095AE177,");
        assertThat(csv.body()).isEqualTo(printed(EventFormat.Kind.csv, new EventQuery("gate", null, null, null, 100, false)));

        HttpResponse<String> exported = http.get("/api/events.json?plate=" + encode("~B840OK197"));
        JsonNode array = json(exported, 200);
        assertThat(array).hasSize(1);
        assertThat(array.get(0).get("plate").asText()).isEqualTo("B840CK197");
        assertThat(array.get(0).get("schema").asText()).isEqualTo(PlateEventJson.SCHEMA);
        assertThat(exported.body()).isEqualTo(printed(EventFormat.Kind.json,
                new EventQuery(null, null, null, null, 100, false, "B840OK197")));
        assertThat(http.get("/api/events.csv?plate=X000XX00").body().lines().toList()).hasSize(1);
        assertThat(json(http.get("/api/events.csv?limit=10001"), 400).get("error").asText())
                .isEqualTo("limit '10001' is not valid: expected a whole number from 1 to 10000");
    }

    private String printed(EventFormat.Kind kind, EventQuery query) {
        StringWriter out = new StringWriter();
        EventFormat.print(EventStore.read(writable(), query), kind, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void servesOneEventAndItsCropAsJpeg() throws Exception {
        PlateEvent expected = WebFixture.events().get(0);
        JsonNode event = json(http.get("/api/events/" + expected.eventId), 200);
        assertThat(event.get("plate").asText()).isEqualTo("B840CK197");
        HttpResponse<byte[]> crop = http.bytes("/api/events/" + expected.eventId + "/crop");
        assertThat(crop.statusCode()).isEqualTo(200);
        assertThat(crop.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(crop.body()));
        assertThat(image.getWidth()).isEqualTo(93);
        assertThat(image.getHeight()).isEqualTo(40);
        // The hostile event was stored without a crop.
        PlateEvent noCrop = WebFixture.events().get(3);
        assertThat(json(http.get("/api/events/" + noCrop.eventId + "/crop"), 404).get("error").asText())
                .isEqualTo("event " + noCrop.eventId + " has no crop");
    }

    @Test
    void servesTheEventsSnapshotWithItsSizeAndTheBoxInsideIt() throws Exception {
        PlateEvent car = WebFixture.events().get(0);
        JsonNode snapshot = json(http.get("/api/events/" + car.eventId), 200).get("snapshot");
        assertThat(snapshot.get("url").asText()).isEqualTo("/api/events/" + car.eventId + "/snapshot");
        assertThat(List.of(snapshot.get("width").asInt(), snapshot.get("height").asInt(),
                snapshot.get("source_width").asInt(), snapshot.get("source_height").asInt()))
                .containsExactly(1280, 720, 1920, 1080);
        HttpResponse<byte[]> jpeg = http.bytes(snapshot.get("url").asText());
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        // The event's box, in the frame's pixels, scaled onto the snapshot lies inside it.
        double scale = 1280 / 1920.0;
        assertThat(car.box.x1 * scale).isGreaterThanOrEqualTo(0);
        assertThat(car.box.x2 * scale).isLessThanOrEqualTo(image.getWidth());
        assertThat(car.box.y2 * scale).isLessThanOrEqualTo(image.getHeight());

        // An event without one says so: null in its JSON, 404 with the error body for the picture.
        PlateEvent none = WebFixture.events().get(1);
        assertThat(json(http.get("/api/events/" + none.eventId), 200).get("snapshot").isNull()).isTrue();
        assertThat(json(http.get("/api/events/" + none.eventId + "/snapshot"), 404).get("error").asText())
                .isEqualTo("event " + none.eventId + " has no snapshot");
        assertThat(json(http.get("/api/events/00000000-0000-0000-0000-000000000000/snapshot"), 404)
                .get("error").asText()).isEqualTo("no event 00000000-0000-0000-0000-000000000000");
        assertThat(json(http.get("/api/events/a%20b/snapshot"), 400).get("error").asText()).contains("is not valid");
    }

    @Test
    void listsCamerasWithTheirStateAndUrlsMasked() throws Exception {
        HttpResponse<String> response = http.get("/api/cameras");
        JsonNode cameras = json(response, 200).get("cameras");
        assertThat(cameras).hasSize(2);
        assertThat(cameras.get(0).get("id").asText()).isEqualTo("gate");
        assertThat(cameras.get(0).get("state").asText()).isEqualTo("connected");
        assertThat(cameras.get(0).get("framesAnalysed").asLong()).isEqualTo(1234);
        assertThat(cameras.get(0).get("url").asText()).isEqualTo("rtsp://admin:***@10.0.0.5/stream1");
        assertThat(cameras.get(1).get("state").asText()).isEqualTo("backoff");
        assertThat(cameras.get(1).get("reason").asText()).isEqualTo("connection refused");
        assertThat(cameras.get(1).get("reconnects").asLong()).isEqualTo(3);
        assertThat(cameras.get(1).get("url").isNull()).isTrue();
        assertThat(cameras.get(0).get("stale").asBoolean()).as("written just now").isFalse();
        assertThat(cameras.get(1).get("stale").asBoolean()).as("last written in 2024").isTrue();
        assertThat(response.body()).doesNotContain("s3cret");
    }

    @Test
    void anUnknownEventIs404() throws Exception {
        assertThat(json(http.get("/api/events/00000000-0000-0000-0000-000000000000"), 404).get("error").asText())
                .isEqualTo("no event 00000000-0000-0000-0000-000000000000");
        assertThat(http.get("/events/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void injectionLookingInputIsRefusedAndChangesNothing() throws Exception {
        for (String query : List.of("plate=%27%20OR%201%3D1%20--", "plate=%25%27%20OR%20%271%27%3D%271",
                "camera=gate%27%3B%20DROP%20TABLE%20plate_events%3B--", "limit=1%3B%20DELETE%20FROM%20plate_events")) {
            String error = json(http.get("/api/events?" + query), 400).get("error").asText();
            assertThat(error).as(query).contains("is not valid: expected");
        }
        assertThat(json(http.get("/api/events/1%27%20OR%20%271%27%3D%271"), 400).get("error").asText())
                .startsWith("event id '1' OR '1'='1' is not valid");
        assertThat(EventStore.count(writable())).isEqualTo(4);
    }

    @Test
    void theServersDatabaseIsReadOnly() {
        assertThatThrownBy(() -> PlateEventStatement.upsert(readOnly(), WebFixture.events()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageMatching("(?is).*read-?only.*");
    }

    @Test
    void unknownRoutesAre404AndOtherMethods405InTheErrorBody() throws Exception {
        assertThat(json(http.get("/api/nope"), 404).get("error").asText()).isEqualTo("no page or API at /api/nope");
        JsonNode missing = json(http.get("/api/events/x/nope"), 404);
        assertThat(missing.get("status").asInt()).isEqualTo(404);
        assertThat(missing.get("error").asText()).isEqualTo("no page or API at /api/events/x/nope");
        HttpResponse<String> page = http.get("/nope");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("no page or API at /nope");

        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> refused = http.send(method, "/api/events");
            JsonNode body = json(refused, 405);
            assertThat(body.get("status").asInt()).isEqualTo(405);
            assertThat(body.get("error").asText())
                    .isEqualTo("method " + method + " is not allowed on /api/events; this server answers only GET and HEAD");
            assertThat(refused.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
        assertThat(json(http.send("DELETE", "/api/events/" + WebFixture.events().get(0).eventId), 405).get("status").asInt())
                .isEqualTo(405);
        assertThat(http.send("HEAD", "/api/events").statusCode()).isEqualTo(200);
        assertThat(EventStore.count(writable())).isEqualTo(4);
    }

    @Test
    void healthCountsTheEvents() throws Exception {
        JsonNode health = json(http.get("/healthz"), 200);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("events").asLong()).isEqualTo(4);
    }
}
