package io.lpr.job;

import io.lpr.db.SinkOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.model.ModelDirectoryOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.testing.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the same video again stores nothing new: its events keep their times and ids, and upsert. */
class FileRerunTest {
    @TempDir
    Path dir;

    @Test
    void theSameFileTwiceIsTheSameEventOnce() throws Exception {
        Path clip = TestClips.make(dir, "gate.mp4", 3, 2, 1920, 1080);
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        Database db = Database.of(sink, null, null);

        JobRunner.run(configuration(clip, sink), "lpr-first");
        List<PlateEvent> first = EventStore.query(db, EventQuery.latest());
        JobRunner.run(configuration(clip, sink), "lpr-again");
        List<PlateEvent> again = EventStore.query(db, EventQuery.latest());

        assertThat(first).singleElement().satisfies(e -> assertThat(e.plateText).isIn("B840CK197", "B840OK197"));
        assertThat(again).extracting(e -> e.eventId).containsExactly(first.get(0).eventId);
        assertThat(first.get(0).offsetMs).as("where in the video").isNotNull().isBetween(0L, 3_000L);
        assertThat(again.get(0).offsetMs).isEqualTo(first.get(0).offsetMs);
        assertThat(again.get(0).firstSeen).as("the file's own time, not the run's")
                .isEqualTo(first.get(0).firstSeen)
                .isLessThanOrEqualTo(Files.getLastModifiedTime(clip).toMillis());
    }

    private static org.apache.flink.configuration.Configuration configuration(Path clip, String sink) {
        return new JobConfiguration()
                .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                .set(SourceOptions.CAMERAS.key(), List.of("gate=" + clip))
                .set(SinkOptions.JDBC_URL.key(), sink)
                .build();
    }
}
