package io.lpr.recognize;

/**
 * Greedy CTC decoding of LPRNet logits, as the reference's beam decode with k = 1: the best class at every
 * time step, then the standard collapse (blanks dropped, repeats merged unless a blank separates them).
 */
public final class CtcDecoder {
    private CtcDecoder() {}

    /** Collapsed text and score (minus the sum of the chosen logits: lower is more confident). */
    public record Decoded(String text, float score) {}

    /**
     * Decodes one plate's logits laid out as LPRNet emits them, class-major: {@code logits[c * steps + t]} is
     * the logit of class c at time step t.
     */
    public static Decoded decode(float[] logits, int classes, int steps) {
        if (classes != Vocabulary.SIZE) {
            throw new IllegalArgumentException("expected " + Vocabulary.SIZE + " classes, got " + classes);
        }
        if (logits.length != classes * steps) {
            throw new IllegalArgumentException(
                    "expected " + classes + "x" + steps + " logits, got " + logits.length);
        }
        int[] path = new int[steps];
        float sum = 0f;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[c * steps + t] > logits[best * steps + t]) {
                    best = c;
                }
            }
            path[t] = best;
            sum += logits[best * steps + t];
        }
        return new Decoded(collapse(path), -sum);
    }

    /** Drops blanks and any symbol equal to the previous step's (kept or blank) symbol. */
    public static String collapse(int[] path) {
        StringBuilder text = new StringBuilder(path.length);
        int previous = Vocabulary.BLANK;
        for (int c : path) {
            if (c != Vocabulary.BLANK && c != previous) {
                text.append(Vocabulary.symbol(c));
            }
            previous = c;
        }
        return text.toString();
    }
}
