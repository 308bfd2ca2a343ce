package io.lpr.job;

import io.lpr.track.TrackerOptions;
import io.lpr.camera.CameraOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.settings.LprSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.decode.FileClock;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.sink.PlateEventSinks;
import io.lpr.source.CameraSource;
import io.lpr.video.ClipScenario;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job end to end on a labelled clip: a parked car hidden for over a second by a passing lettered truck.
 * The tracker sees two passages (the gap is longer than its passage gap); the dedup stage makes them one
 * event, with its confidence and crop, and the truck's lettering makes none.
 */
class DedupJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path dir;

    @Test
    void aParkedCarHiddenForAWhileIsOneEvent() throws Exception {
        ClipScenario occluded = ClipScenario.standardSet().stream()
                .filter(s -> s.name().equals("parked-occluded")).findFirst().orElseThrow();
        EvalManifest manifest = LabelledClips.write(Paths.get(System.getProperty("lpr.test.images")), dir,
                List.of(occluded));
        List<EvalManifest.FrameTruth> frames = manifest.files().get(0).frames();
        long hiddenFrom = frames.stream().filter(f -> f.plates().isEmpty()).mapToLong(EvalManifest.FrameTruth::timeMs)
                .min().orElseThrow();
        long hiddenTo = frames.stream().filter(f -> f.plates().isEmpty()).mapToLong(EvalManifest.FrameTruth::timeMs)
                .max().orElseThrow();
        assertThat(hiddenTo - hiddenFrom).as("hidden longer than the passage gap").isGreaterThan(600);

        Path clip = dir.resolve("parked-occluded.mp4");
        Configuration configuration = new JobConfiguration()
                .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                .set(SourceOptions.CAMERAS.key(), List.of("yard=" + clip))
                .set(CameraOptions.SAMPLE_FPS.key(), "0")
                .set(TrackerOptions.PASSAGE_GAP.key(), "600 ms")
                .set("pipeline.generic-types", "false")
                .build();
        LprSettings settings = LprSettings.from(configuration);
        Database sqlite = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        EventStore.ensureSchema(sqlite);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        LprTopology.build(env, CameraSource.of(JobRunner.cameras(settings)), settings,
                Map.of("sqlite", PlateEventSinks.jdbc(sqlite)));
        env.execute("lpr-dedup-test");

        // Events are timed from the recording's start (FileClock), the truth from the clip's first frame.
        long recorded = FileClock.startMillis(clip);
        List<PlateEvent> events = EventStore.query(sqlite, new EventQuery(null, null, null, null, 10, true));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.plateText).isEqualTo("O459OO97");
            // Read before and after the truck: one event across the gap, not two.
            assertThat(e.firstSeen - recorded).as("first read, ms into the clip").isLessThan(hiddenFrom);
            assertThat(e.lastSeen - recorded).as("last read, ms into the clip").isGreaterThan(hiddenTo);
            assertThat(e.lastSeen - e.firstSeen).isGreaterThan(hiddenTo - hiddenFrom + 600);
            assertThat(e.confidence).isBetween(0.5f, 1f);
            assertThat(e.cropJpeg).isNotEmpty();
        });
    }
}
