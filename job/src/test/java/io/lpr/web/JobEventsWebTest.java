package io.lpr.web;

import io.lpr.camera.CameraOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.model.ModelDirectoryOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lpr.db.Database;
import io.lpr.event.Box;
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
 * photo's plate from a clip into SQLite and a real PostgreSQL, and {@code lpr serve} shows that event, its
 * crop and its full-frame snapshot (with the box inside it, where the plate is) from each.
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
                assertSnapshot(http, event.get("event_id").asText(), image);
            }
        }
    }

    /**
     * The event's snapshot is the 1920x1080 frame at the default 1280 px, and the event's box, scaled onto it as
     * the page scales it, lies inside it where the plate is: the picture there looks like the event's crop (the
     * clip zooms, so the plate is not where it is in the photo), and unlike the picture a little to the side.
     */
    private static void assertSnapshot(Http http, String eventId, BufferedImage crop) throws Exception {
        JsonNode event = WebServerContract.json(http.get("/api/events/" + eventId), 200);
        JsonNode snapshot = event.get("snapshot");
        assertThat(snapshot.isObject()).as("event %s has a snapshot", eventId).isTrue();
        assertThat(snapshot.get("source_width").asInt()).isEqualTo(1920);
        assertThat(snapshot.get("source_height").asInt()).isEqualTo(1080);
        HttpResponse<byte[]> jpeg = http.bytes(snapshot.get("url").asText());
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(jpeg.body().length).as("a 1280x720 JPEG at quality 80").isBetween(20_000, 600_000);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(picture.getWidth()).isEqualTo(1280).isEqualTo(snapshot.get("width").asInt());
        assertThat(picture.getHeight()).isEqualTo(720).isEqualTo(snapshot.get("height").asInt());

        JsonNode box = event.get("box");
        double scale = picture.getWidth() / 1920.0;
        Box onPicture = new Box((float) (box.get("x1").asDouble() * scale), (float) (box.get("y1").asDouble() * scale),
                (float) (box.get("x2").asDouble() * scale), (float) (box.get("y2").asDouble() * scale));
        assertThat(onPicture.x1).isGreaterThanOrEqualTo(0);
        assertThat(onPicture.y1).isGreaterThanOrEqualTo(0);
        assertThat(onPicture.x2).isLessThanOrEqualTo(picture.getWidth());
        assertThat(onPicture.y2).isLessThanOrEqualTo(picture.getHeight());
        // The crop is the box grown by 20 % of its height above and below (PlateCrop): the same region here.
        float grow = 0.2f * onPicture.height();
        Box cropRegion = new Box(onPicture.x1, onPicture.y1 - grow, onPicture.x2, onPicture.y2 + grow);
        double there = difference(picture, cropRegion, crop);
        Box side = new Box(cropRegion.x1 + 2 * cropRegion.width(), cropRegion.y1, cropRegion.x2 + 2 * cropRegion.width(),
                cropRegion.y2);
        double beside = difference(picture, side, crop);
        assertThat(there).as("the plate's region of the snapshot against the crop").isLessThan(25);
        assertThat(there).as("against the region beside it (%s)", beside).isLessThan(beside / 2);
    }

    /** Mean absolute grey-level difference between {@code region} of {@code picture} and {@code crop} scaled to it. */
    private static double difference(BufferedImage picture, Box region, BufferedImage crop) {
        int x0 = Math.round(region.x1);
        int y0 = Math.round(region.y1);
        int w = Math.max(1, Math.round(region.width()));
        int h = Math.max(1, Math.round(region.height()));
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = crop.getRGB(Math.min(crop.getWidth() - 1, x * crop.getWidth() / w),
                        Math.min(crop.getHeight() - 1, y * crop.getHeight() / h));
                int p = picture.getRGB(Math.min(picture.getWidth() - 1, x0 + x), Math.min(picture.getHeight() - 1, y0 + y));
                sum += Math.abs(grey(c) - grey(p));
            }
        }
        return sum / (w * h);
    }

    private static double grey(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
