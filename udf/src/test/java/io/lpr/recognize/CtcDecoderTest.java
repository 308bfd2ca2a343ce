package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.recognize.CtcDecoder.Decoded;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
    private static final int STEPS = 18;

    /** Class-major logits where the given class wins each step with the given logit, all others 0. */
    private static float[] logits(int[] path, float winning) {
        float[] logits = new float[Vocabulary.SIZE * STEPS];
        for (int t = 0; t < STEPS; t++) {
            logits[path[t] * STEPS + t] = winning;
        }
        return logits;
    }

    private static int[] path(String symbols) {
        int[] path = new int[symbols.length()];
        for (int i = 0; i < path.length; i++) {
            path[i] = Vocabulary.indexOf(symbols.charAt(i));
        }
        return path;
    }

    @Test
    void vocabularyMatchesTheContract() {
        assertThat(Vocabulary.SIZE).isEqualTo(23);
        assertThat(Vocabulary.BLANK).isEqualTo(22);
        assertThat(Vocabulary.symbol(0)).isEqualTo('0');
        assertThat(Vocabulary.symbol(10)).isEqualTo('A');
        assertThat(Vocabulary.symbol(15)).isEqualTo('H');
        assertThat(Vocabulary.symbol(21)).isEqualTo('X');
        assertThat(Vocabulary.symbol(22)).isEqualTo('-');
        assertThat(Vocabulary.indexOf('Z')).isEqualTo(-1);
        assertThatThrownBy(() -> Vocabulary.symbol(23)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collapseMergesRepeatsUnlessABlankSeparatesThem() {
        assertThat(CtcDecoder.collapse(path("--BB8-44--00CCK-1997"))).isEqualTo("B840CK197");
        assertThat(CtcDecoder.collapse(path("B8-88-40CK-1977"))).isEqualTo("B8840CK197");
        assertThat(CtcDecoder.collapse(path("------------------"))).isEmpty();
        assertThat(CtcDecoder.collapse(path("777777"))).isEqualTo("7");
        assertThat(CtcDecoder.collapse(path("7-7-7"))).isEqualTo("777");
    }

    @Test
    void decodesGreedyPathAndScoresMinusTheSumOfChosenLogits() {
        Decoded decoded = decode(logits(path("B-8-4-0-C-K-1-9-7-"), 10f));
        assertThat(decoded.text()).isEqualTo("B840CK197");
        assertThat(decoded.score()).isEqualTo(-180f);
    }

    @Test
    void readsClassMajorLayout() {
        float[] logits = new float[Vocabulary.SIZE * STEPS];
        for (int t = 0; t < STEPS; t++) {
            logits[Vocabulary.BLANK * STEPS + t] = 1f;
        }
        logits[Vocabulary.indexOf('X') * STEPS + 5] = 3f;
        Decoded decoded = decode(logits);
        assertThat(decoded.text()).isEqualTo("X");
        assertThat(decoded.score()).isEqualTo(-(17f + 3f));
    }

    @Test
    void rejectsWrongShapes() {
        assertThatThrownBy(() -> CtcDecoder.decode(new float[10], Vocabulary.SIZE, STEPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("23x18");
        assertThatThrownBy(() -> CtcDecoder.decode(new float[22 * STEPS], 22, STEPS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Decoded decode(float[] logits) {
        return CtcDecoder.decode(logits, Vocabulary.SIZE, STEPS);
    }
}
