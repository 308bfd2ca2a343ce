package io.lpr.journeys;

import static io.lpr.journeys.JourneysTableTest.T0;
import static io.lpr.journeys.JourneysTableTest.journey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.cli.LprCli;
import io.lpr.db.Database;
import io.lpr.journey.Journey.State;
import io.lpr.web.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lpr journeys} (table, JSON, CSV, --open) and {@code lpr serve}'s journeys page and API, on one SQLite file. */
class JourneysViewsTest {
    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void journeys() {
        url = "jdbc:sqlite:" + dir.resolve("plates.db");
        JourneysTable.upsert(Database.of(url, null, null), List.of(
                journey("e1", "A123BC77", T0, State.closed, 3_723_000),
                journey("e2", "K095AE177", T0 + 60_000, State.open, 0),
                journey("e3", "O459OO97", T0 + 120_000, State.expired, 0)));
    }

    private record Result(int exit, String out, String err) {}

    private static Result lpr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LprCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void theCommandListsThemOldestEntryFirstAndOpenOnesAlone() throws Exception {
        Result table = lpr("journeys", "--db", url);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out().lines()).hasSize(3);
        assertThat(table.out().lines().findFirst().orElseThrow())
                .contains("parking", "closed", "A123BC77", "2025-12-07T08:00:00Z .. 2025-12-07T09:02:03Z", "1h 02m 03s");

        Result open = lpr("journeys", "--db", url, "--open", "--format", "json");
        assertThat(open.exit()).as(open.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(open.out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("plate").asText()).isEqualTo("K095AE177");
        assertThat(json.get(0).get("state").asText()).isEqualTo("open");
        assertThat(json.get(0).get("exit_time").isNull()).isTrue();

        Result csv = lpr("journeys", "--db", url, "--format", "csv");
        assertThat(csv.out().lines().toList()).hasSize(4).first().asString().startsWith("journey,state,plate,");
        assertThat(csv.out()).contains("parking,closed,A123BC77,A123BC77,gate-in,gate-out,2025-12-07T08:00:00Z,"
                + "2025-12-07T09:02:03Z,3723.000,e1,x-e1");

        Result set = lpr("journeys", "--db", url, "--set", "lpr.journeys=parking=gate-in->gate-out within 12 h");
        assertThat(set.exit()).as(set.err()).isZero();
        Result badSetting = lpr("journeys", "--db", url, "--set", "lpr.journeys=parking=gate-in->gate-out");
        assertThat(badSetting.exit()).isEqualTo(1);
        assertThat(badSetting.err()).hasLineCount(1).startsWith("lpr: ").contains("lpr.journeys entries are "
                + "NAME=ENTRY->EXIT within LIMIT").contains("got 'parking=gate-in->gate-out'");

        Result bad = lpr("journeys", "--db", url, "--limit", "0");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("lpr: --limit must be positive, got 0\n");
    }

    @Test
    void theWebShowsWhatIsInsideAndHowLongClosedOnesTook() throws Exception {
        try (WebServer server = WebServer.start(Database.of(url, null, null).readOnly(), "127.0.0.1", 0, null)) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base + "/api/journeys")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(api.body());
            assertThat(body.get("inside").get("parking").asLong()).isEqualTo(1);
            assertThat(body.get("journeys")).extracting(j -> j.get("plate").asText())
                    .containsExactly("O459OO97", "K095AE177", "A123BC77");
            JsonNode closed = body.get("journeys").get(2);
            assertThat(closed.get("duration_s").asDouble()).isEqualTo(3723.0);
            assertThat(closed.get("duration").asText()).isEqualTo("1h 02m 03s");

            HttpResponse<String> open = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/journeys?open=true")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(new ObjectMapper().readTree(open.body()).get("journeys")).singleElement()
                    .satisfies(j -> assertThat(j.get("entry_camera").asText()).isEqualTo("gate-in"));

            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/journeys?limit=0")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("limit is not valid");

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/journeys")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-page=\"journeys\"", "Inside now");
        }
    }
}
