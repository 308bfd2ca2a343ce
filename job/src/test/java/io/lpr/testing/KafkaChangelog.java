package io.lpr.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.event.PlateEvent;
import io.lpr.events.PlateEventJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Kafka topic read as the changelog it is (docs/kafka-events.md): each event id's records in order, and
 * the check that its latest record is the event's row. Every revision of an event goes to one partition
 * (it has one camera and one id, whichever the key is), so the order read is the order written.
 */
public final class KafkaChangelog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaChangelog() {}

    /** The records of each event id, in the order read. */
    public static Map<String, List<JsonNode>> byEvent(List<KafkaBroker.Message> messages) {
        Map<String, List<JsonNode>> records = new LinkedHashMap<>();
        for (KafkaBroker.Message m : messages) {
            JsonNode json = parse(m.value());
            assertThat(json.path("schema").asText()).isEqualTo(PlateEventJson.SCHEMA);
            records.computeIfAbsent(json.path("event_id").asText(), k -> new ArrayList<>()).add(json);
        }
        return records;
    }

    /**
     * The changelog holds exactly the rows' event ids; each id's records are revisions 1, 2, ... in order,
     * only the last may be final, and the last has the row's camera, plate, frames, votes, times, confidence,
     * revision and final flag.
     */
    public static void assertLatestAreRows(List<KafkaBroker.Message> messages, List<PlateEvent> rows) {
        Map<String, List<JsonNode>> records = byEvent(messages);
        assertThat(records.keySet()).as("event ids in Kafka, read_committed, and in the table")
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(e -> e.eventId).toList());
        for (PlateEvent row : rows) {
            List<JsonNode> changelog = records.get(row.eventId);
            int n = changelog.size();
            assertThat(changelog).extracting(r -> r.path("revision").asInt()).as("revisions of %s", row)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
            assertThat(changelog.subList(0, n - 1)).extracting(r -> r.path("final").asBoolean())
                    .as("no record before the last of %s is final", row).containsOnly(false);
            JsonNode last = changelog.get(n - 1);
            assertThat(last.path("camera_id").asText()).isEqualTo(row.cameraId);
            assertThat(last.path("plate").asText()).isEqualTo(row.plateText);
            assertThat(last.path("frames").asInt()).isEqualTo(row.frames);
            assertThat(last.path("votes").asInt()).isEqualTo(row.votes);
            assertThat(last.path("first_seen_ms").asLong()).isEqualTo(row.firstSeen);
            assertThat(last.path("last_seen_ms").asLong()).isEqualTo(row.lastSeen);
            assertThat(last.path("confidence").floatValue()).isEqualTo(row.confidence);
            assertThat(last.path("revision").asInt()).isEqualTo(row.revision);
            assertThat(last.path("final").asBoolean()).isEqualTo(row.isFinal);
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
