package io.lpr.recognize;

import io.lpr.plate.PlateGrammar;
import java.io.Serializable;

/**
 * How logits become a plate text: the most probable text the grammar allows (constrained CTC beam
 * search), kept when its probability reaches {@code minConfidence}; the greedy read stays as evidence.
 *
 * @param grammar the plate formats the deployment accepts
 * @param minConfidence reads below this probability are unreadable (null text)
 * @param alternatives how many grammar-valid texts each read keeps for cross-frame voting
 */
public record ReadingPolicy(PlateGrammar grammar, double minConfidence, int alternatives) implements Serializable {
    /** On the labelled set, reads at or above 0.5 are exactly right 4 times in 5, above 0.9 nearly always. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    public static final int DEFAULT_ALTERNATIVES = 3;

    public ReadingPolicy {
        if (grammar == null) {
            throw new IllegalArgumentException("reading policy needs a plate grammar");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("recogniser min confidence must be in [0, 1], got " + minConfidence);
        }
        if (alternatives < 1) {
            throw new IllegalArgumentException("recogniser alternatives must be at least 1, got " + alternatives);
        }
    }

    public static ReadingPolicy defaults() {
        return new ReadingPolicy(PlateGrammar.russian(), DEFAULT_MIN_CONFIDENCE, DEFAULT_ALTERNATIVES);
    }
}
