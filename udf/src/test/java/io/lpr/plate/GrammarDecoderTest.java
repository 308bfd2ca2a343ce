package io.lpr.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Constrained CTC decoding on hand-made per-step probabilities. */
class GrammarDecoderTest {
    private static final String SYMBOLS = "0123456789ABEKMHOPCTYX-";
    private static final int BLANK = SYMBOLS.length() - 1;

    /** Logits (class-major) whose softmax puts {@code p} on the given symbol at each step, the rest spread evenly. */
    private static float[] logits(String[][] steps) {
        int n = steps.length;
        float[] out = new float[SYMBOLS.length() * n];
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < SYMBOLS.length(); c++) {
                out[c * n + t] = -10;
            }
            for (String choice : steps[t]) {
                char symbol = choice.charAt(0);
                double p = Double.parseDouble(choice.substring(2));
                out[SYMBOLS.indexOf(symbol) * n + t] = (float) Math.log(p * 1e4);
            }
        }
        return out;
    }

    private static String[][] sure(String text) {
        String[][] steps = new String[text.length() * 2][];
        for (int i = 0; i < text.length(); i++) {
            steps[2 * i] = new String[] {text.charAt(i) + "=1"};
            steps[2 * i + 1] = new String[] {"-=1"};
        }
        return steps;
    }

    private final GrammarDecoder decoder = new GrammarDecoder(PlateGrammar.russian(), SYMBOLS, BLANK, 24);

    @Test
    void aSureValidTextIsReadWithProbabilityOne() {
        List<GrammarDecoder.Candidate> out = decoder.decode(logits(sure("B840CK197")), 18, 3);
        assertThat(out.get(0).text()).isEqualTo("B840CK197");
        assertThat(out.get(0).probability()).isCloseTo(1.0, within(1e-3));
    }

    /** The greedy path reads T7OO8O76 (letters where digits must be, a digit where a letter must be). */
    @Test
    void theMostProbableValidTextWinsOverAnInvalidGreedyRead() {
        String[][] steps = sure("T7OO8O76");
        steps[4] = new String[] {"O=0.6", "0=0.4"};
        steps[6] = new String[] {"O=0.55", "0=0.45"};
        steps[8] = new String[] {"8=0.7", "B=0.3"};
        List<GrammarDecoder.Candidate> out = decoder.decode(logits(steps), 16, 3);
        assertThat(out.get(0).text()).isEqualTo("T700BO76");
        assertThat(out.get(0).probability()).isCloseTo(0.4 * 0.45 * 0.3, within(1e-3));
    }

    @Test
    void aTextsProbabilitySumsOverItsAlignments() {
        // A840CK77 with the first symbol spread over two steps: AA, A-, -A all collapse to A.
        String[][] steps = new String[17][];
        steps[0] = new String[] {"A=0.5", "-=0.5"};
        steps[1] = new String[] {"A=0.5", "-=0.5"};
        String[][] rest = sure("840CK77");
        System.arraycopy(rest, 0, steps, 2, rest.length);
        steps[16] = new String[] {"-=1"};
        List<GrammarDecoder.Candidate> out = decoder.decode(logits(steps), 17, 3);
        assertThat(out.get(0).text()).isEqualTo("A840CK77");
        assertThat(out.get(0).probability()).isCloseTo(0.75, within(1e-3));
    }

    @Test
    void noValidTextMeansNoCandidate() {
        assertThat(decoder.decode(logits(sure("AAA")), 6, 3)).isEmpty();
    }
}
