package io.lpr.job;

import io.lpr.camera.CameraOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.settings.LprSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.image.Images;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.sink.PlateEventSinks;
import io.lpr.source.CameraSource;
import io.lpr.testing.PostgresServer;
import io.lpr.testing.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a Flink MiniCluster with the real models: a clip panning over the sample photo and a
 * broken camera go in; exactly one event for the plate comes out, in SQLite and in a real PostgreSQL.
 */
class LprJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    /** What the models read that plate as: the reference's box reads B840CK197 on a knife edge (CONTRACTS.md). */
    static final List<String> PLATE_READS = List.of("B840CK197", "B840OK197");

    @TempDir
    static Path dir;

    static Path clip;
    static Path broken;

    @BeforeAll
    static void makeVideos() throws Exception {
        clip = TestClips.make(dir, "gate.mp4", 4, 5, 1920, 1080);
        broken = dir.resolve("broken.mp4");
        Files.write(broken, "this is not a video".getBytes());
    }

    @Test
    void aPlateSeenInManyFramesIsOneEventInEachDatabaseAndABrokenCameraStopsNothing() throws Exception {
        Configuration configuration = new JobConfiguration()
                .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                .set(SourceOptions.CAMERAS.key(), List.of("gate=" + clip, "broken=" + broken))
                .set(CameraOptions.SAMPLE_FPS.key(), "2.5")
                .set("pipeline.generic-types", "false") // every type on the wire is a POJO: no Kryo
                .build();
        LprSettings settings = LprSettings.from(configuration);
        Database sqlite = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        // As in production: the sink reads the password from $LPR_DB_PASSWORD when it connects.
        Database postgres = PG.newJobDatabase();
        EventStore.ensureSchema(sqlite);
        EventStore.ensureSchema(postgres);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(2);
        LprTopology.build(env, CameraSource.of(JobRunner.cameras(settings)), settings,
                Map.of("sqlite", PlateEventSinks.jdbc(sqlite), "postgres", PlateEventSinks.jdbc(postgres)));
        env.execute("lpr-test");

        for (Database db : List.of(sqlite, postgres)) {
            List<PlateEvent> events = EventStore.query(db, new EventQuery(null, null, null, null, 10, true));
            assertThat(events).as("events in %s", db.maskedUrl()).hasSize(1);
            PlateEvent event = events.get(0);
            assertThat(event.cameraId).isEqualTo("gate");
            assertThat(event.plateText).isIn(PLATE_READS);
            // 4 s sampled at 2.5 fps: 10 frames; the plate is in view in all of them.
            assertThat(event.frames).isBetween(5, 10);
            assertThat(event.votes).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(event.frames);
            assertThat(event.lastSeen - event.firstSeen).isBetween(1_600L, 4_000L);
            assertThat(event.textScore).isLessThan(-85f);
            try (Mat crop = Images.decode(event.cropJpeg)) {
                assertThat(crop).isNotNull();
                assertThat(crop.cols()).isGreaterThan(crop.rows());
            }
        }
    }
}
