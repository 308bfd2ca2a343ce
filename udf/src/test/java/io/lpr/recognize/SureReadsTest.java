package io.lpr.recognize;

import static io.lpr.recognize.SureReads.Decision.READ;
import static io.lpr.recognize.SureReads.Decision.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which crops of a camera are read: a plate read the same, confidently, in its last reads is read now and then. */
class SureReadsTest {
    private static final long FRAME_MS = 250;
    private static final long GAP_MS = 3_000;

    private static SureReads camera() {
        return new SureReads("gate", SureReadsConfig.DEFAULTS, 0.1f, GAP_MS, 8);
    }

    /** The plate's box in frame {@code s}: 90 px wide, moving 4 px a frame. */
    private static Box box(long s) {
        return new Box(100 + 4 * s, 800, 190 + 4 * s, 830);
    }

    /** Decides frame {@code s}'s crop and, when read, observes {@code text} at {@code confidence}. */
    private static SureReads.Decision frame(SureReads camera, long s, String text, float confidence) {
        SureReads.Decision d = camera.decide(s, s * FRAME_MS, box(s));
        if (d == READ) {
            camera.observe(s, s * FRAME_MS, box(s), text, confidence);
        }
        return d;
    }

    private static List<SureReads.Decision> frames(SureReads camera, long from, long to, String text, float confidence) {
        List<SureReads.Decision> out = new ArrayList<>();
        for (long s = from; s < to; s++) {
            out.add(frame(camera, s, text, confidence));
        }
        return out;
    }

    @Test
    void aPlateReadTheSameThreeTimesConfidentlyIsReadOnEveryFifthFrame() {
        SureReads camera = camera();
        assertThat(frames(camera, 0, 14, "A123BC77", 0.95f)).containsExactly(
                READ, READ, READ, SKIP, SKIP, SKIP, SKIP, READ, SKIP, SKIP, SKIP, SKIP, READ, SKIP);
    }

    @Test
    void aDifferentTextMakesItUnsureUntilThreeReadsAgreeAgain() {
        SureReads camera = camera();
        frames(camera, 0, 7, "A123BC77", 0.95f);
        assertThat(frame(camera, 7, "A123BC71", 0.95f)).as("the 5th frame is read: another text").isEqualTo(READ);
        assertThat(frames(camera, 8, 12, "A123BC77", 0.95f)).containsExactly(READ, READ, READ, SKIP);
    }

    @Test
    void readsBelowTheSureConfidenceOrUnreadableNeverMakeItSure() {
        SureReads camera = camera();
        assertThat(frames(camera, 0, 6, "A123BC77", 0.89f)).containsOnly(READ);
        frames(camera, 6, 8, "A123BC77", 0.95f);
        assertThat(frame(camera, 8, null, 0f)).isEqualTo(READ);
        assertThat(frames(camera, 9, 12, "A123BC77", 0.95f)).containsOnly(READ);
        assertThat(frame(camera, 12, "A123BC77", 0.95f)).isEqualTo(SKIP);
    }

    @Test
    void aPlateUnseenForThePassageGapStartsAfresh() {
        SureReads camera = camera();
        frames(camera, 0, 3, "A123BC77", 0.95f);
        long later = 2 + GAP_MS / FRAME_MS + 1;
        assertThat(camera.decide(later, later * FRAME_MS, box(2))).isEqualTo(READ);
        assertThat(camera.snapshot().tracks()).hasSize(1);
    }

    @Test
    void aSurePlatesBoxThatSuddenlyShrinksIsRead() {
        SureReads camera = camera();
        frames(camera, 0, 3, "A123BC77", 0.95f);
        // Half hidden behind a passing truck: the box still overlaps, but its crop may not read.
        Box half = new Box(150, 800, 202, 830);
        assertThat(camera.decide(3, 3 * FRAME_MS, half)).isEqualTo(READ);
        camera.observe(3, 3 * FRAME_MS, half, "A123BC77", 0.95f);
        assertThat(frame(camera, 4, "A123BC77", 0.95f)).as("whole again: grown suddenly").isEqualTo(READ);
        assertThat(frame(camera, 5, "A123BC77", 0.95f)).as("as big as before, still sure").isEqualTo(SKIP);
    }

    @Test
    void aTrackTakesOneCropPerFrameAndAFarBoxIsAnotherPlate() {
        SureReads camera = camera();
        frames(camera, 0, 3, "A123BC77", 0.95f);
        assertThat(camera.decide(3, 3 * FRAME_MS, box(3))).isEqualTo(SKIP);
        // A second box on the same plate in the same frame is not the sure track's.
        assertThat(camera.decide(3, 3 * FRAME_MS, new Box(113, 801, 203, 831))).isEqualTo(READ);
        // A box far away (more than three plate widths) starts its own track.
        assertThat(camera.decide(4, 4 * FRAME_MS, new Box(1500, 800, 1590, 830))).isEqualTo(READ);
        assertThat(camera.snapshot().tracks()).hasSize(3);
    }

    @Test
    void twoPlatesInAFrameDecideTheSameWhateverOrderTheirReadsComeBackIn() {
        assertThat(twoPlates(false)).isEqualTo(twoPlates(true)).contains(SKIP);
    }

    /** Two plates side by side, each read the same every time; their reads observed in one order or the other. */
    private static List<SureReads.Decision> twoPlates(boolean reversed) {
        SureReads camera = camera();
        List<SureReads.Decision> out = new ArrayList<>();
        for (long s = 0; s < 12; s++) {
            Box left = box(s);
            Box right = new Box(left.x1 + 300, left.y1, left.x2 + 300, left.y2);
            SureReads.Decision l = camera.decide(s, s * FRAME_MS, left);
            SureReads.Decision r = camera.decide(s, s * FRAME_MS, right);
            out.add(l);
            out.add(r);
            for (int k = 0; k < 2; k++) {
                boolean leftNow = (k == 0) != reversed;
                if (leftNow && l == READ) {
                    camera.observe(s, s * FRAME_MS, left, "A123BC77", 0.95f);
                } else if (!leftNow && r == READ) {
                    camera.observe(s, s * FRAME_MS, right, "K095AE177", 0.97f);
                }
            }
        }
        return out;
    }

    @Test
    void aRestoredCameraGivesReplayedCropsTheirDecisionsAndTakesTheirReadsOnce() {
        SureReads undisturbed = camera();
        List<SureReads.Decision> expected = frames(undisturbed, 0, 14, "A123BC77", 0.95f);

        SureReads failing = camera();
        frames(failing, 0, 2, "A123BC77", 0.95f);
        // Frame 2 decided but its read not yet observed at the checkpoint.
        assertThat(failing.decide(2, 2 * FRAME_MS, box(2))).isEqualTo(READ);
        SureState checkpoint = failing.snapshot();

        SureReads restored = camera();
        restored.restore(checkpoint);
        // The async operator's queue replayed (frames 1 and 2, read again and observed), then the frames after.
        List<SureReads.Decision> replayed = frames(restored, 1, 14, "A123BC77", 0.95f);
        assertThat(replayed).containsExactlyElementsOf(expected.subList(1, 14));
        assertThat(restored.snapshot().tracks()).isEqualTo(undisturbed.snapshot().tracks());

        // A read observed before changes nothing when it comes again, even with another text.
        SureState before = restored.snapshot();
        restored.observe(12, 12 * FRAME_MS, box(12), "A123BC71", 0.95f);
        assertThat(restored.snapshot()).isEqualTo(before);
        assertThat(restored.decide(12, 12 * FRAME_MS, box(12))).isEqualTo(READ);
        assertThat(restored.snapshot()).isEqualTo(before);
    }

    @Test
    void decisionsOfOnlyTheLastFramesAreKept() {
        SureReads camera = new SureReads("gate", SureReadsConfig.DEFAULTS, 0.1f, GAP_MS, 3);
        frames(camera, 0, 10, "A123BC77", 0.95f);
        assertThat(camera.snapshot().recent()).extracting(SureState.Decided::sequence).containsExactly(7L, 8L, 9L);
    }

    @Test
    void settingsAreCheckedOnce() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SureReadsConfig.DEFAULTS.withEvery(0))
                .hasMessageContaining("lpr.recognizer.sure-every");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SureReadsConfig.DEFAULTS.withReads(0))
                .hasMessageContaining("lpr.recognizer.sure-reads");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SureReadsConfig.DEFAULTS.withConfidence(1.5))
                .hasMessageContaining("lpr.recognizer.sure-confidence");
        assertThat(SureReadsConfig.OFF.enabled()).isFalse();
        assertThat(SureReadsConfig.DEFAULTS.enabled()).isTrue();
    }
}
