package io.lpr.cli;

import io.lpr.sink.PlateEventStatement;
import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventStore;
import io.lpr.track.EventIds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lpr query} filters (partial, wildcards, near) and its output formats, on a real SQLite file. */
class QueryCommandTest {
    @TempDir
    Path dir;

    String db;

    @BeforeEach
    void events() {
        db = "jdbc:sqlite:" + dir.resolve("plates.db");
        Database database = Database.of(db, null, null);
        EventStore.ensureSchema(database);
        PlateEventStatement.upsert(database, List.of(event("O567AM76", 0, 0.93f), event("O567AM77", 1_000, 0.61f),
                event("K095AE177", 2_000, 0.88f)));
    }

    private static PlateEvent event(String text, long time, float confidence) {
        PlateEvent e = new PlateEvent();
        e.cameraId = "gate";
        e.plateText = text;
        e.firstSeen = 1_700_000_000_000L + time;
        e.lastSeen = e.firstSeen + 2_000;
        e.eventId = EventIds.of("gate", e.firstSeen, 0);
        e.frames = 8;
        e.votes = 6;
        e.confidence = confidence;
        e.runnerUps = new String[] {"0567AM76"};
        e.runnerUpVotes = new int[] {2};
        return e;
    }

    @Test
    void wildcardsAndTableFormat() {
        LprCliTest.Result r = lpr("query", "--db", db, "--plate", "*567AM*");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("O567AM7", "also=0567AM76:2"));
        assertThat(r.out()).contains("conf=0.93", "conf=0.61").doesNotContain("K095AE177");
    }

    @Test
    void nearAsJson() throws Exception {
        LprCliTest.Result r = lpr("query", "--db", db, "--near", "о567ам76", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("plateText").asText()).isEqualTo("O567AM76");
        assertThat(json.get(0).get("confidence").asDouble()).isBetween(0.92, 0.94);
        assertThat(json.get(0).get("runnerUps").get(0).get("text").asText()).isEqualTo("0567AM76");
        assertThat(json.get(0).get("runnerUps").get(0).get("votes").asInt()).isEqualTo(2);
    }

    @Test
    void partialPlateAsCsv() {
        LprCliTest.Result r = lpr("query", "--db", db, "--plate", "095", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("event_id,camera_id,plate_text,confidence");
        assertThat(r.out()).contains(",gate,K095AE177,0.880,");
    }

    @Test
    void anUnknownFormatIsOneLine() {
        LprCliTest.Result r = lpr("query", "--db", db, "--format", "xml");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--format", "xml");
    }
}
