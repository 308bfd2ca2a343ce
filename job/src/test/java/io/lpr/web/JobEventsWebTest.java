package io.lpr.web;

import io.lpr.camera.CameraOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.model.ModelDirectoryOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lpr.db.Database;
import io.lpr.job.JobConfiguration;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import io.lpr.job.LprTopology;
import io.lpr.events.EventStore;
import io.lpr.sink.PlateEventSinks;
import io.lpr.source.CameraSource;
import io.lpr.testing.PostgresServer;
import io.lpr.testing.TestClips;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the job itself wrote, served: the job on a Flink MiniCluster with the real models reads the sample
 * photo's plate from a clip into SQLite and a real PostgreSQL, and {@code lpr serve} shows that event and
 * its crop from each.
 */
class JobEventsWebTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path dir;

    @Test
    void theJobsEventIsServedWithItsCropFromEachDatabase() throws Exception {
        Path clip = TestClips.make(dir, "gate.mp4", 3, 5, 1920, 1080);
        Configuration configuration = new JobConfiguration()
                .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                .set(SourceOptions.CAMERAS.key(), List.of("gate=" + clip))
                .set(CameraOptions.SAMPLE_FPS.key(), "2")
                .build();
        LprSettings settings = LprSettings.from(configuration);
        Database sqlite = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        Database postgres = PG.newJobDatabase();
        EventStore.ensureSchema(sqlite);
        EventStore.ensureSchema(postgres);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(2);
        LprTopology.build(env, CameraSource.of(JobRunner.cameras(settings)), settings,
                Map.of("sqlite", PlateEventSinks.jdbc(sqlite), "postgres", PlateEventSinks.jdbc(postgres)));
        env.execute("lpr-serve-test");

        for (Database db : List.of(sqlite, postgres)) {
            try (WebServer server = WebServer.start(db.readOnly(), "127.0.0.1", 0, null)) {
                Http http = new Http(server.port());
                JsonNode events = WebServerContract.json(http.get("/api/events?camera=gate&plate=B840%25"), 200)
                        .get("events");
                assertThat(events).as("events in %s", db.maskedUrl()).hasSize(1);
                JsonNode event = events.get(0);
                assertThat(event.get("plate").asText()).isIn("B840CK197", "B840OK197");
                assertThat(event.get("frames").asInt()).isPositive();
                HttpResponse<byte[]> crop = http.bytes(event.get("crop_url").asText());
                assertThat(crop.statusCode()).isEqualTo(200);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(crop.body()));
                assertThat(image.getWidth()).as("a plate is wider than tall").isGreaterThan(image.getHeight());
            }
        }
    }
}
