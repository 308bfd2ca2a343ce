package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.PlateEvent;
import io.lpr.image.Images;
import io.lpr.sink.Database;
import io.lpr.sink.EventQuery;
import io.lpr.sink.EventStore;
import io.lpr.video.DemoClip;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a running job (what Ctrl-C and SIGTERM do) keeps every event found so far. */
class StopJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path dir;

    @Test
    void aStoppedJobDrainsItsOpenPassagesIntoTheSink() throws Exception {
        Path clip = dir.resolve("long.mp4");
        try (Mat photo = Images.read(Paths.get(System.getProperty("lpr.test.images"), "car.jpg"))) {
            DemoClip.write(photo, clip, 60, 2, 1920, 1080);
        }
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        var configuration = new JobConfiguration()
                .set(LprOptions.MODELS_DIR.key(), System.getProperty("lpr.test.models"))
                .set(LprOptions.CAMERAS.key(), List.of("gate=" + clip))
                .set(LprOptions.SINK_URL.key(), sink)
                .overrides(List.of("lpr.camera.realtime=true", "lpr.camera.sample-fps=1"))
                .build();

        RunningJob job = JobRunner.start(configuration, "lpr-stop-test");
        Thread.sleep(8_000); // the clip plays in real time for 60 s: the plate's passage is still open
        long stopping = System.nanoTime();
        job.stop();
        job.await();
        long stopSeconds = (System.nanoTime() - stopping) / 1_000_000_000L;

        assertThat(stopSeconds).isLessThan(30);
        List<PlateEvent> events = EventStore.query(Database.of(sink, null, null), EventQuery.latest());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.plateText).isIn(LprJobTest.PLATE_READS);
            assertThat(e.lastSeen - e.firstSeen).isLessThan(30_000); // it ended at the stop, not the clip's end
        });
    }
}
