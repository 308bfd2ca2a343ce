package io.lpr.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import io.lpr.video.EvalManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoring a recorded outcome against a manifest: matches, wrong texts, duplicates, junk, frames, calibration. */
class EvalScoreTest {
    private static final double[] PLATE = {100, 800, 170, 820};

    private static EvalManifest manifest() {
        List<EvalManifest.FrameTruth> frames = List.of(
                new EvalManifest.FrameTruth(0, 0, List.of(new EvalManifest.PlateBox("B840CK197", PLATE))),
                new EvalManifest.FrameTruth(1, 250, List.of(new EvalManifest.PlateBox("B840CK197", PLATE))),
                new EvalManifest.FrameTruth(2, 500, List.of()));
        return new EvalManifest(List.of(
                new EvalManifest.Entry("a.mp4", "video", 4.0, 3, List.of("B840CK197"), frames),
                new EvalManifest.Entry("b.jpg", "image", null, null, List.of("O459OO97", "K095AE177"), null)));
    }

    @Test
    void eventsAndFramesAreScored() {
        Box onPlate = new Box(102, 801, 171, 821);
        Box elsewhere = new Box(900, 500, 960, 515);
        Map<String, List<EvalScore.Event>> events = Map.of(
                "a.mp4", List.of(new EvalScore.Event("a.mp4", "B840CK197", 0.9),
                        new EvalScore.Event("a.mp4", "B840OK197", 0.6),
                        new EvalScore.Event("a.mp4", "A123BC77", 0.55)),
                "b.jpg", List.of(new EvalScore.Event("b.jpg", "O459OO97", 0.95),
                        new EvalScore.Event("b.jpg", "K095AE171", 0.7)));
        Map<String, List<EvalScore.Read>> reads = Map.of(
                "a.mp4", List.of(new EvalScore.Read("a.mp4", 0, onPlate, "B840CK197", 0.9),
                        new EvalScore.Read("a.mp4", 1, onPlate, "B840OK197", 0.6),
                        new EvalScore.Read("a.mp4", 2, elsewhere, "A123BC77", 0.55),
                        new EvalScore.Read("a.mp4", 2, elsewhere, null, 0)),
                "b.jpg", List.of(new EvalScore.Read("b.jpg", 0, elsewhere, "O459OO97", 0.95),
                        new EvalScore.Read("b.jpg", 0, elsewhere, "K095AE171", 0.7)));

        EvalScore.Report r = EvalScore.score(manifest(), events, reads);

        assertThat(r.expected()).isEqualTo(3);
        assertThat(r.events()).isEqualTo(5);
        assertThat(r.exact()).isEqualTo(2);
        assertThat(r.wrongText()).isEqualTo(1); // K095AE171 for K095AE177
        assertThat(r.duplicates()).isEqualTo(1); // B840OK197 beside the exact B840CK197
        assertThat(r.junk()).isEqualTo(1); // A123BC77
        assertThat(r.precision()).isEqualTo(2 / 5.0);
        assertThat(r.recall()).isEqualTo(2 / 3.0);
        assertThat(r.textAccuracy()).isEqualTo(2 / 3.0);
        assertThat(r.framePlates()).isEqualTo(4); // 2 frames of the clip, 2 plates of the image
        assertThat(r.frameFound()).isEqualTo(3);
        assertThat(r.frameRead()).isEqualTo(2);
        assertThat(r.junkReads()).isEqualTo(1);
        assertThat(r.boxes()).isEqualTo(6);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.calibration().get(0)).isEqualTo(new EvalScore.Calibration(0.5, 5, 2));
        assertThat(r.calibration().get(3)).isEqualTo(new EvalScore.Calibration(0.9, 2, 2));
        assertThat(r.problems()).contains("a.mp4: duplicate B840OK197", "a.mp4: junk A123BC77",
                "b.jpg: read K095AE171 for K095AE177");
    }
}
