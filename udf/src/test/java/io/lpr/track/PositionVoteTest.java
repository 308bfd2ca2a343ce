package io.lpr.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lpr.plate.PlateGrammar;
import org.junit.jupiter.api.Test;

/** The per-position vote on a track's texts, their summed probabilities and reads, without the tracker. */
class PositionVoteTest {
    private static final PlateGrammar RUSSIAN = PlateGrammar.russian();

    /** A track of {@code frames} reads with these texts, reads per text and summed probabilities. */
    private static PlateTrack track(int frames, String[] texts, int[] votes, float[] weights) {
        PlateTrack track = new PlateTrack();
        track.frames = frames;
        track.texts = texts;
        track.votes = votes;
        track.weights = weights;
        track.textScores = new float[texts.length];
        for (int i = 0; i < texts.length; i++) {
            track.textScores[i] = votes[i] > 0 ? -100 * weights[i] : Float.MAX_VALUE;
        }
        return track;
    }

    @Test
    void aSingleTextIsItsOwnVerdict() {
        PositionVote.Verdict v = PositionVote.decide(
                track(4, new String[] {"A111AA77"}, new int[] {4}, new float[] {3.2f}), RUSSIAN);
        assertThat(v).isEqualTo(new PositionVote.Verdict("A111AA77", 4, 0.8f, -320f));
    }

    @Test
    void aTextWithMoreThanHalfItsFormatsProbabilityIsTheComposition() {
        PlateTrack t = track(4, new String[] {"A111AA77", "A171AA77", "A111AA71"}, new int[] {2, 1, 1},
                new float[] {1.0f, 0.5f, 0.4f});
        assertThat(PositionVote.decide(t, RUSSIAN).text()).isEqualTo("A111AA77");
    }

    /** At a tie the leader's character stays, so an even split changes nothing. */
    @Test
    void aTieAtAPositionKeepsTheLeadersCharacter() {
        PlateTrack t = track(3, new String[] {"A111AA77", "A171AA77", "A171AA71"}, new int[] {1, 1, 1},
                new float[] {0.6f, 0.3f, 0.3f});
        assertThat(PositionVote.decide(t, RUSSIAN).text()).isEqualTo("A111AA77");
    }

    /** Four reads say 8 symbols, one 9: the 8-symbol text wins only when each of its characters outweighs the 9. */
    @Test
    void aHeavierFormatWinsOnlyWhenEachCharacterOutweighsTheLeader() {
        String[] texts = {"K095AE177", "K095AE77", "K095AE17", "K096AE77", "K095AB77"};
        int[] votes = {1, 1, 1, 1, 1};
        PlateTrack unsure = track(5, texts, votes, new float[] {0.9f, 0.25f, 0.25f, 0.25f, 0.25f});
        assertThat(PositionVote.decide(unsure, RUSSIAN).text()).isEqualTo("K095AE177"); // 0.75 behind its 5

        PlateTrack sure = track(5, texts, votes, new float[] {0.5f, 0.45f, 0.45f, 0.45f, 0.45f});
        PositionVote.Verdict v = PositionVote.decide(sure, RUSSIAN);
        assertThat(v.text()).isEqualTo("K095AE77");
        assertThat(v.votes()).isEqualTo(3); // its 5, E and 7 were each read there by three frames
    }

    /** An invalid text that would turn position 6 to 3 if it voted; the grammar's formats are the vote's. */
    @Test
    void textsNoFormatAcceptsDoNotVote() {
        PlateTrack t = track(4, new String[] {"O459OO37", "O458OO97", "O459OO93", "O4590O37"}, new int[] {1, 1, 1, 1},
                new float[] {0.6f, 0.55f, 0.5f, 0.5f});
        assertThat(PositionVote.decide(t, RUSSIAN).text()).isEqualTo("O459OO97");
    }

    @Test
    void aComposedTextsConfidenceIsItsProbabilityWithIndependentPositions() {
        PlateTrack t = track(3, new String[] {"O459OO37", "O458OO97", "O459OO93"}, new int[] {1, 1, 1},
                new float[] {0.6f, 0.55f, 0.5f});
        PositionVote.Verdict v = PositionVote.decide(t, RUSSIAN);
        assertThat(v.text()).isEqualTo("O459OO97");
        assertThat(v.confidence()).isCloseTo(0.55f * (1.10f / 1.65f) * (1.05f / 1.65f) * (1.15f / 1.65f), within(1e-5f));
        assertThat(v.votes()).isEqualTo(2);
        assertThat(v.textScore()).isCloseTo(-60f, within(1e-3f));
    }

    /**
     * Half the frames read C, half read O in texts of their own: O has more probability at that position,
     * but no majority of frames read it, so the whole-string winner stays (per position it would flip).
     */
    @Test
    void aKnifeEdgeSplitEvenlyBetweenFramesKeepsTheWholeStringWinner() {
        PlateTrack t = track(8, new String[] {"B840CK197", "B840OK197", "B840OK193"}, new int[] {4, 2, 2},
                new float[] {2.8f, 2.4f, 1.1f});
        assertThat(PositionVote.decide(t, RUSSIAN).text()).isEqualTo("B840CK197");

        PlateTrack fiveOfEight = track(8, new String[] {"B840CK197", "B840OK197", "B840OK193"}, new int[] {3, 3, 2},
                new float[] {2.8f, 2.4f, 1.1f});
        assertThat(PositionVote.decide(fiveOfEight, RUSSIAN).text()).isEqualTo("B840OK197");
    }
}
