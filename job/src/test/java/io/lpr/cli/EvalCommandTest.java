package io.lpr.cli;

import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.video.ClipScenario;
import io.lpr.video.LabelledClips;
import io.lpr.video.VehicleSprite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lpr eval} on a small labelled folder: a short parked clip and the two labelled photographs. */
class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresTheJobOnALabelledFolder() throws Exception {
        ClipScenario parked = new ClipScenario("parked", 1.5, 2, 0.05,
                List.of(new ClipScenario.Actor(VehicleSprite.HATCHBACK, 64, ClipScenario.Route.parked(1200, 880))),
                List.of(), ClipScenario.Camera.DAY, false);
        LabelledClips.write(Paths.get(System.getProperty("lpr.test.images")), dir, List.of(parked));

        Set<String> flinkFilesBefore = LprCliTest.flinkFilesInSystemTmp();
        Path work = dir.resolve("work");

        LprCliTest.Result r = lpr("eval", "--models", LprCliTest.MODELS, "--set", "lpr.work-dir=" + work, dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        // Flink's temporary files went to the work folder, and are gone with the command.
        assertThat(LprCliTest.flinkFilesInSystemTmp()).isSubsetOf(flinkFilesBefore);
        try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
        assertThat(r.out()).contains("| expected vehicles | 4 |", "| duplicate events | 0 |", "| junk events | 0 |",
                "- parked.mp4: 3 of 3 plates in view read exactly; events [K095AE177 (");
        assertThat(r.out()).doesNotContain("kulakov-scene.jpg: missed", "parked.mp4: missed");
    }

    @Test
    void aFolderWithoutManifestIsOneLine() {
        LprCliTest.Result r = lpr("eval", "--models", LprCliTest.MODELS, dir.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip()).contains("no manifest.json in " + dir).doesNotContain("Exception");
    }
}
