package io.lpr.job;

import io.lpr.track.TrackerOptions;
import io.lpr.camera.CameraOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.settings.KafkaOptions;
import io.lpr.settings.LprSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.sink.RetentionConfig;
import io.lpr.source.CameraSource;
import io.lpr.testing.KafkaBroker;
import io.lpr.testing.KafkaChangelog;
import io.lpr.track.EventIds;
import io.lpr.video.ClipScenario;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    @TempDir
    Path dir;

    @Test
    void eachEventsLastRecordReadCommittedIsFinalAndEqualsItsRow() throws Exception {
        List<ClipScenario> scenarios = ClipScenario.standardSet().stream()
                .filter(s -> s.name().equals("parked-occluded") || s.name().equals("side-by-side")).toList();
        EvalManifest manifest = LabelledClips.write(Paths.get(System.getProperty("lpr.test.images")), dir, scenarios);

        Configuration configuration = new JobConfiguration()
                .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                .set(SourceOptions.CAMERAS.key(), List.of("yard=" + dir.resolve("parked-occluded.mp4"),
                        "street=" + dir.resolve("side-by-side.mp4")))
                .set(CameraOptions.SAMPLE_FPS.key(), "0")
                .set(TrackerOptions.PASSAGE_GAP.key(), "600 ms") // the truck hides the car for longer: two passages
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
                JobRunner.sinks(env, configuration, sqlite, RetentionConfig.DEFAULTS));
        env.execute("lpr-kafka-changelog-test");

        // Keyed by event id: every revision of an event is in one partition, in order.
        List<KafkaBroker.Message> messages = KAFKA.readCommitted("changelog");
        assertThat(messages).allSatisfy(m -> assertThat(m.value()).contains("\"event_id\":\"" + m.key() + "\""));
        List<PlateEvent> rows = EventStore.query(sqlite, new EventQuery(null, null, null, null, 100, false));
        KafkaChangelog.assertLatestAreRows(messages, rows);
        assertThat(rows).as("the files ended: every event left the window").allSatisfy(e -> assertThat(e.isFinal).isTrue());

        // What the clips show: the hidden car is one event, sent three times (its first passage, the second
        // joining it, final); the two parked cars are two events of one camera, each sent twice.
        assertThat(rows).filteredOn(e -> e.cameraId.equals("yard")).singleElement().satisfies(e -> {
            assertThat(e.plateText).isEqualTo("O459OO97");
            assertThat(e.revision).isEqualTo(3);
        });
        assertThat(rows).filteredOn(e -> e.cameraId.equals("street")).extracting(e -> e.plateText)
                .containsExactlyInAnyOrderElementsOf(truth(manifest, "side-by-side.mp4"));
        assertThat(rows).filteredOn(e -> e.cameraId.equals("street")).extracting(e -> e.revision).containsOnly(2);
        // Both parked plates are first read in the same frame: only the rank, left to right, tells them apart.
        List<PlateEvent> street = rows.stream().filter(e -> e.cameraId.equals("street"))
                .sorted(Comparator.comparingDouble(e -> e.box.x1)).toList();
        long start = street.get(0).firstSeen;
        assertThat(street).extracting(e -> e.firstSeen).containsOnly(start);
        assertThat(street).extracting(e -> e.eventId)
                .containsExactly(EventIds.of("street", start, 0), EventIds.of("street", start, 1));
    }

    private static Set<String> truth(EvalManifest manifest, String file) {
        Set<String> plates = new TreeSet<>();
        manifest.files().stream().filter(f -> f.file().endsWith(file)).forEach(f ->
                f.frames().forEach(frame -> frame.plates().forEach(p -> plates.add(p.text()))));
        return plates;
    }
}
