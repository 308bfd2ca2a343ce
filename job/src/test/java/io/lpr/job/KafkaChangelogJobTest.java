package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.sink.EventQuery;
import io.lpr.sink.EventStore;
import io.lpr.source.CameraSource;
import io.lpr.testing.KafkaBroker;
import io.lpr.video.ClipScenario;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka records are a changelog whose last record per event is its row: the job on a MiniCluster with a
 * real Kafka broker (records keyed by event id) and SQLite, as {@code lpr run} wires its sinks, on two
 * labelled clips: a parked car hidden for a while by a truck (two passages, one event updated) and two cars
 * parked side by side (two events of one camera that start together).
 */
class KafkaChangelogJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eachEventsLastRecordReadCommittedIsFinalAndEqualsItsRow() throws Exception {
        List<ClipScenario> scenarios = ClipScenario.standardSet().stream()
                .filter(s -> s.name().equals("parked-occluded") || s.name().equals("side-by-side")).toList();
        EvalManifest manifest = LabelledClips.write(Paths.get(System.getProperty("lpr.test.images")), dir, scenarios);

        Configuration configuration = new JobConfiguration()
                .set(LprOptions.MODELS_DIR.key(), System.getProperty("lpr.test.models"))
                .set(LprOptions.CAMERAS.key(), List.of("yard=" + dir.resolve("parked-occluded.mp4"),
                        "street=" + dir.resolve("side-by-side.mp4")))
                .set(LprOptions.SAMPLE_FPS.key(), "0")
                .set(LprOptions.PASSAGE_GAP.key(), "600 ms") // the truck hides the car for longer: two passages
                .set(KafkaOptions.BOOTSTRAP.key(), KAFKA.bootstrap())
                .set(KafkaOptions.TOPIC.key(), "changelog")
                .set(KafkaOptions.KEY.key(), "event")
                .set("pipeline.generic-types", "false")
                .build();
        LprSettings settings = LprSettings.from(configuration);
        Database sqlite = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        EventStore.ensureSchema(sqlite);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        // The sinks of lpr run: the table, and Kafka exactly once (checkpoints on; the last one commits).
        LprTopology.build(env, CameraSource.of(JobRunner.cameras(settings)), settings,
                JobRunner.sinks(env, configuration, sqlite));
        env.execute("lpr-kafka-changelog-test");

        // Every revision of an event is in one partition (the key is the event id), in order.
        Map<String, List<JsonNode>> records = new LinkedHashMap<>();
        for (KafkaBroker.Message m : KAFKA.readCommitted("changelog")) {
            JsonNode json = JSON.readTree(m.value());
            assertThat(m.key()).isEqualTo(json.path("event_id").asText());
            records.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(json);
        }
        List<PlateEvent> rows = EventStore.query(sqlite, new EventQuery(null, null, null, null, 100, false));

        assertThat(records.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(e -> e.eventId).toList());
        for (PlateEvent row : rows) {
            List<JsonNode> changelog = records.get(row.eventId);
            assertThat(changelog).extracting(r -> r.path("revision").asInt()).as(row.toString())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, changelog.size()).boxed().toList());
            assertThat(changelog).extracting(r -> r.path("final").asBoolean()).as("only the last record is final")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, changelog.size())
                            .mapToObj(i -> i == changelog.size()).toList());
            JsonNode last = changelog.get(changelog.size() - 1);
            assertThat(last.path("camera_id").asText()).isEqualTo(row.cameraId);
            assertThat(last.path("plate").asText()).isEqualTo(row.plateText);
            assertThat(last.path("frames").asInt()).isEqualTo(row.frames);
            assertThat(last.path("votes").asInt()).isEqualTo(row.votes);
            assertThat(last.path("first_seen_ms").asLong()).isEqualTo(row.firstSeen);
            assertThat(last.path("last_seen_ms").asLong()).isEqualTo(row.lastSeen);
            assertThat(last.path("confidence").floatValue()).isEqualTo(row.confidence);
            assertThat(last.path("revision").asInt()).isEqualTo(row.revision);
            assertThat(row.isFinal).isTrue();
        }

        // What the clips show: the hidden car is one event, sent three times (its first passage, the second
        // joining it, final); the two parked cars are two events of one camera, each sent twice.
        assertThat(rows).filteredOn(e -> e.cameraId.equals("yard")).singleElement().satisfies(e -> {
            assertThat(e.plateText).isEqualTo("O459OO97");
            assertThat(e.revision).isEqualTo(3);
        });
        assertThat(rows).filteredOn(e -> e.cameraId.equals("street")).extracting(e -> e.plateText)
                .containsExactlyInAnyOrderElementsOf(truth(manifest, "side-by-side.mp4"));
        assertThat(rows).filteredOn(e -> e.cameraId.equals("street")).extracting(e -> e.revision).containsOnly(2);
    }

    private static Set<String> truth(EvalManifest manifest, String file) {
        Set<String> plates = new TreeSet<>();
        manifest.files().stream().filter(f -> f.file().endsWith(file)).forEach(f ->
                f.frames().forEach(frame -> frame.plates().forEach(p -> plates.add(p.text()))));
        return plates;
    }
}
