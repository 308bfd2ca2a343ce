package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraOptions;
import io.lpr.db.Database;
import io.lpr.db.SinkOptions;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.journey.Journey;
import io.lpr.journey.JourneysOptions;
import io.lpr.journeys.JourneysTable;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.video.ClipScenario;
import io.lpr.video.LabelledClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journeys end to end, as {@code lpr run} runs them: two cameras made by the clip generator from the labelled
 * photographs, the saloon crossing the entry gate and, ten minutes later, passing the exit gate at dusk in
 * front of a lettered truck. One journeys row, closed, timed from the two events. (A replay writing the
 * same rows again is JourneysTableTest's; a restore keeping open entries is PairJourneysTest's.)
 */
class JourneysJobTest {
    private static final long ENTRY_FILE_END = 1_765_094_400_000L; // 2025-12-07T08:00:00Z
    private static final long TEN_MINUTES = 600_000;

    @TempDir
    Path dir;

    @Test
    void aCarEnteringAtOneCameraAndLeavingAtTheOtherIsOneClosedJourney() throws Exception {
        List<ClipScenario> scenes = ClipScenario.standardSet().stream()
                .filter(s -> s.name().equals("crossing-saloon") || s.name().equals("dusk-truck")).toList();
        LabelledClips.write(Paths.get(System.getProperty("lpr.test.images")), dir, scenes);
        Path entry = dir.resolve("crossing-saloon.mp4");
        Path exit = dir.resolve("dusk-truck.mp4");
        // A file is timed from its modification time less its length (FileClock): the exit ten minutes later.
        Files.setLastModifiedTime(entry, FileTime.fromMillis(ENTRY_FILE_END));
        Files.setLastModifiedTime(exit, FileTime.fromMillis(ENTRY_FILE_END + TEN_MINUTES));
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        Configuration configuration = new JobConfiguration()
                .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                .set(SourceOptions.CAMERAS.key(), List.of("gate-in=" + entry, "gate-out=" + exit))
                .set(CameraOptions.SAMPLE_FPS.key(), "0")
                .set(SinkOptions.JDBC_URL.key(), sink)
                .set(JourneysOptions.JOURNEYS.key(), List.of("parking=gate-in->gate-out within 1 h"))
                .set("parallelism.default", "1")
                .set("pipeline.generic-types", "false")
                .build();
        Database db = Database.of(sink, null, null);

        JobRunner.run(configuration, "lpr-journeys-test");

        List<PlateEvent> events = EventStore.query(db, EventQuery.latest());
        assertThat(events).extracting(e -> e.cameraId).containsExactly("gate-in", "gate-out");
        PlateEvent in = events.get(0);
        PlateEvent out = events.get(1);
        List<Journey> journeys = JourneysTable.read(db, false, 10);
        assertThat(journeys).singleElement().satisfies(j -> {
            assertThat(j.journey).isEqualTo("parking");
            assertThat(j.state).isEqualTo(Journey.State.closed);
            assertThat(j.entryEventId).isEqualTo(in.eventId);
            assertThat(j.exitEventId).isEqualTo(out.eventId);
            assertThat(j.plateText).isEqualTo(in.plateText);
            assertThat(j.exitPlateText).isEqualTo(out.plateText);
            assertThat(j.durationMs()).isEqualTo(out.firstSeen - in.firstSeen)
                    .isBetween(TEN_MINUTES - 5_000, TEN_MINUTES + 5_000);
        });
    }
}
