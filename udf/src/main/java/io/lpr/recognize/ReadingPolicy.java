package io.lpr.recognize;

import io.lpr.plate.PlateGrammar;
import io.lpr.plate.PlateOptions;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How logits become a plate text: the most probable text the grammar allows (constrained CTC beam
 * search), kept when its probability reaches {@code minConfidence}; the greedy read stays as evidence.
 *
 * @param grammar the plate formats the deployment accepts
 * @param minConfidence reads below this probability are unreadable (null text). On the labelled set, reads at
 *     or above 0.5 are exactly right 4 times in 5, above 0.9 nearly always
 * @param alternatives how many grammar-valid texts each read keeps for cross-frame voting
 */
public record ReadingPolicy(PlateGrammar grammar, double minConfidence, int alternatives) implements Serializable {
    public static final ReadingPolicy DEFAULTS = new ReadingPolicy(PlateGrammar.russian(), 0.5, 3);

    /** @throws IllegalArgumentException naming the bad setting */
    public ReadingPolicy {
        if (grammar == null) {
            throw new IllegalArgumentException("lpr.plate.formats: a reading policy needs a plate grammar");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("lpr.recognizer.min-confidence must be in [0, 1], got " + minConfidence);
        }
        if (alternatives < 1) {
            throw new IllegalArgumentException("recogniser alternatives must be at least 1, got " + alternatives);
        }
    }

    /** {@code lpr.plate.formats} ({@link PlateOptions}) and {@code lpr.recognizer.min-confidence}, checked. */
    public static ReadingPolicy from(ReadableConfig c) {
        return DEFAULTS.withGrammar(PlateGrammar.parse(c.get(PlateOptions.FORMATS)))
                .withMinConfidence(c.get(RecognizerOptions.MIN_CONFIDENCE));
    }

    public ReadingPolicy withGrammar(PlateGrammar value) {
        return new ReadingPolicy(value, minConfidence, alternatives);
    }

    public ReadingPolicy withMinConfidence(double value) {
        return new ReadingPolicy(grammar, value, alternatives);
    }

    public ReadingPolicy withAlternatives(int value) {
        return new ReadingPolicy(grammar, minConfidence, value);
    }
}
