package io.lpr.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

public class PlateEventJsonTest {
    /** A whole event, every field set: the tests' sample (revision 2, final). */
    public static PlateEvent event() {
        PlateEvent e = new PlateEvent();
        e.eventId = "5b9e7166-8861-3fce-b655-d8098b850d12";
        e.cameraId = "gate";
        e.plateText = "B840CK197";
        e.firstSeen = 1_700_000_000_000L;
        e.lastSeen = 1_700_000_002_400L;
        e.frames = 12;
        e.votes = 9;
        e.detectionScore = 0.91f;
        e.textScore = -102.5f;
        e.box = new Box(10, 20, 110, 45);
        e.cropJpeg = new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2};
        e.confidence = 0.87f;
        e.runnerUps = new String[] {"B840OK197"};
        e.runnerUpVotes = new int[] {3};
        e.offsetMs = 4_200L;
        e.revision = 2;
        e.isFinal = true;
        return e;
    }

    @Test
    void writesTheDocumentedSchema() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new PlateEventJson(true).bytes(event()));
        assertThat(json.path("schema").asText()).isEqualTo("lpr.plate-event/2");
        assertThat(json.path("event_id").asText()).isEqualTo("5b9e7166-8861-3fce-b655-d8098b850d12");
        assertThat(json.path("revision").asInt()).isEqualTo(2);
        assertThat(json.path("final").isBoolean()).isTrue();
        assertThat(json.path("final").asBoolean()).isTrue();
        assertThat(json.path("camera_id").asText()).isEqualTo("gate");
        assertThat(json.path("plate").asText()).isEqualTo("B840CK197");
        assertThat(json.path("first_seen").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.path("last_seen").asText()).isEqualTo("2023-11-14T22:13:22.400Z");
        assertThat(json.path("first_seen_ms").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(json.path("frames").asInt()).isEqualTo(12);
        assertThat(json.path("votes").asInt()).isEqualTo(9);
        assertThat(json.path("detection_score").floatValue()).isEqualTo(0.91f);
        assertThat(json.path("text_score").floatValue()).isEqualTo(-102.5f);
        assertThat(json.path("box").path("x2").floatValue()).isEqualTo(110f);
        assertThat(json.path("confidence").floatValue()).isEqualTo(0.87f);
        assertThat(json.path("runner_ups").get(0).path("plate").asText()).isEqualTo("B840OK197");
        assertThat(json.path("runner_ups").get(0).path("votes").asInt()).isEqualTo(3);
        assertThat(json.path("offset_ms").asLong()).isEqualTo(4_200L);
        assertThat(Base64.getDecoder().decode(json.path("crop_jpeg").asText())).isEqualTo(event().cropJpeg);
    }

    @Test
    void leavesTheCropOutWhenAskedAndWritesNullForNoBox() throws Exception {
        PlateEvent e = event();
        e.box = null;
        JsonNode json = new ObjectMapper().readTree(new PlateEventJson(false).bytes(e));
        assertThat(json.has("crop_jpeg")).isFalse();
        assertThat(json.path("box").isNull()).isTrue();
        e.isFinal = false;
        assertThat(new ObjectMapper().readTree(new PlateEventJson(false).bytes(e)).path("final").asBoolean(true)).isFalse();
        e.offsetMs = null;
        assertThat(new ObjectMapper().readTree(new PlateEventJson(false).bytes(e)).path("offset_ms").isNull()).isTrue();
    }

    @Test
    void everyFieldIsDocumented() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new PlateEventJson(true).bytes(event()));
        String doc = Files.readString(Path.of("..", "docs", "kafka-events.md"));
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).allSatisfy(f -> assertThat(doc).contains("`" + f + "`"));
    }

    /** docs/plate-event-2.schema.json names every field written and requires every field always written. */
    @Test
    void theJsonSchemaFileMatchesWhatIsWritten() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "docs", "plate-event-2.schema.json").toFile());
        assertThat(schema.path("properties").path("schema").path("const").asText()).isEqualTo(PlateEventJson.SCHEMA);
        JsonNode json = new PlateEventJson(true).toJson(new StoredEvent(event(), List.of("runner_ups: 'x' is not TEXT:VOTES")));
        List<String> written = new ArrayList<>();
        json.fieldNames().forEachRemaining(written::add);
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsAll(written);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        JsonNode bare = new PlateEventJson(false).toJson(new PlateEvent());
        List<String> always = new ArrayList<>();
        bare.fieldNames().forEachRemaining(always::add);
        assertThat(required).containsExactlyInAnyOrderElementsOf(always);
    }

    @Test
    void aStoredEventNamesWhatCouldNotBeReadAndOnlyThen() {
        assertThat(new PlateEventJson(false).toJson(new StoredEvent(event(), List.of())).has("unreadable")).isFalse();
        JsonNode json = new PlateEventJson(false).toJson(new StoredEvent(event(), List.of("first_seen: cannot be read")));
        assertThat(json.path("unreadable").get(0).asText()).isEqualTo("first_seen: cannot be read");
    }
}
