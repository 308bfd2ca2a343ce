package io.lpr.cli;

import io.lpr.sink.PlateEventStatement;
import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventStore;
import io.lpr.events.PlateEventJson;
import io.lpr.events.TimeForms;
import io.lpr.events.Times;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
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
        assertThat(r.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("O567AM7", "also=0567AM76 (2)"));
        assertThat(r.out()).contains("conf=0.93", "conf=0.61").doesNotContain("K095AE177");
    }

    @Test
    void nearTreatsLookAlikesAsTheSameSymbol() {
        // 0 for O is free, 7 for 6 one edit: both O567AM76 and O567AM77 are near; K095AE177 is not.
        LprCliTest.Result r = lpr("query", "--db", db, "--near", "0567AM77");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(2).anySatisfy(line -> assertThat(line).contains("O567AM76"))
                .anySatisfy(line -> assertThat(line).contains("O567AM77"));
    }

    @Test
    void nearAsJson() throws Exception {
        LprCliTest.Result r = lpr("query", "--db", db, "--near", "о567ам76", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("schema").asText()).isEqualTo(PlateEventJson.SCHEMA);
        assertThat(json.get(0).get("plate").asText()).isEqualTo("O567AM76");
        assertThat(json.get(0).get("camera_id").asText()).isEqualTo("gate");
        assertThat(json.get(0).get("confidence").asDouble()).isBetween(0.92, 0.94);
        assertThat(json.get(0).get("runner_ups").get(0).get("plate").asText()).isEqualTo("0567AM76");
        assertThat(json.get(0).get("runner_ups").get(0).get("votes").asInt()).isEqualTo(2);
        assertThat(json.get(0).has("crop_jpeg")).isFalse();
    }

    @Test
    void partialPlateAsCsv() {
        LprCliTest.Result r = lpr("query", "--db", db, "--plate", "095", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("event_id,camera_id,plate_text,confidence");
        assertThat(r.out()).contains(",gate,K095AE177,0.880,").contains(",0567AM76 (2),0,false,\n");
        LprCliTest.Result none = lpr("query", "--db", db, "--plate", "X000XX00", "--format", "csv");
        assertThat(none.out()).isEqualTo("event_id,camera_id,plate_text,confidence,first_seen,last_seen,frames,votes,"
                + "detection_score,runner_ups,revision,final,unreadable\n");
    }

    /** Every time form the README documents for --since, the same forms the API takes (TimeForms). */
    @Test
    void sinceTakesEveryDocumentedTimeForm() {
        String other = "jdbc:sqlite:" + dir.resolve("times.db");
        Database database = Database.of(other, null, null);
        EventStore.ensureSchema(database);
        PlateEvent before = event("A001AA77", 0, 0.9f);
        before.firstSeen = TimeForms.AT.toEpochMilli() - 30_000;
        before.eventId = "before";
        PlateEvent at = event("B002BB77", 0, 0.9f);
        at.firstSeen = TimeForms.AT.toEpochMilli();
        at.eventId = "at";
        PlateEventStatement.upsert(database, List.of(before, at));
        for (String form : TimeForms.FORMS) {
            LprCliTest.Result r = lpr("query", "--db", other, "--since", form);
            assertThat(r.exit()).as(form + ": " + r.err()).isZero();
            assertThat(r.out().lines()).as(form).singleElement().satisfies(l -> assertThat(l).contains("B002BB77"));
        }
        assertThat(lpr("query", "--db", other, "--since", TimeForms.DATE).out().lines()).hasSize(2);
        LprCliTest.Result bad = lpr("query", "--db", other, "--since", "yesterday");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("'yesterday' is not a date or time: use e.g. " + Times.EXAMPLES);
    }

    /** A malformed stored value is named in the row; ESC, BEL and newlines never reach the terminal as they are. */
    @Test
    void aMalformedOrHostileRowIsShownSafely() throws Exception {
        Database database = Database.of(db, null, null);
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE plate_events SET runner_ups = '0567AM76' WHERE plate_text = 'O567AM76'");
            st.executeUpdate("UPDATE plate_events SET camera_id = 'gate-with-a-long-id-' || char(27) || '[31m', "
                    + "plate_text = 'K095' || char(7) || char(10) || 'AE,\"177' WHERE plate_text = 'K095AE177'");
        }
        LprCliTest.Result table = lpr("query", "--db", db);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.err()).doesNotContain("Exception");
        assertThat(table.out()).doesNotContain("\u001b", "\u0007");
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("O567AM76", "unreadable: runner_ups: '0567AM76' is not TEXT:VOTES");
        assertThat(lines.get(2)).contains("gate-with-a-long-id-\\x1b[31m", "K095\\x07\\nAE,\"177");
        // The long camera id widens its column: every row's plate starts in the same place.
        int plateColumn = lines.get(2).indexOf("K095");
        assertThat(lines.get(0).indexOf("O567AM76")).isEqualTo(plateColumn);
        assertThat(lines.get(1).indexOf("O567AM77")).isEqualTo(plateColumn);

        LprCliTest.Result csv = lpr("query", "--db", db, "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).doesNotContain("\u001b", "\u0007").contains("\"K095\\x07\nAE,\"\"177\"");
        List<Map<String, String>> rows = readCsv(csv.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get("plate_text")).isEqualTo("K095\\x07\nAE,\"177");
        assertThat(rows.get(0).get("unreadable")).isEqualTo("runner_ups: '0567AM76' is not TEXT:VOTES");

        JsonNode json = new ObjectMapper().readTree(lpr("query", "--db", db, "--format", "json").out());
        assertThat(json.get(2).get("plate").asText()).isEqualTo("K095\u0007\nAE,\"177");
        assertThat(json.get(0).get("unreadable").get(0).asText()).isEqualTo("runner_ups: '0567AM76' is not TEXT:VOTES");
    }

    private static List<Map<String, String>> readCsv(String text) throws Exception {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return it.readAll();
        }
    }

    @Test
    void anUnknownFormatIsOneLine() {
        LprCliTest.Result r = lpr("query", "--db", db, "--format", "xml");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--format", "xml");
    }
}
