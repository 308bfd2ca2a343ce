package io.lpr.recognize;

import io.lpr.plate.GrammarDecoder;
import java.util.List;

/**
 * What the recogniser made of one crop.
 *
 * @param text the most probable grammar-valid text, null when the crop is unreadable (no valid text, or
 *     its probability below the policy's minimum)
 * @param score minus the summed logits of the greedy path (the reference's score); lower is more confident
 * @param rawText the greedy read (the reference's decoding), kept as evidence
 * @param confidence the probability of {@code text}, 0..1 (of the best valid text when unreadable)
 * @param candidates the best grammar-valid texts with their probabilities, most probable first
 */
public record Reading(String text, float score, String rawText, float confidence,
        List<GrammarDecoder.Candidate> candidates) {
    public boolean readable() {
        return text != null;
    }

    /** Grammar-constrained decoding of one crop's logits under {@code policy}. */
    static Reading of(float[] logits, int steps, GrammarDecoder decoder, ReadingPolicy policy) {
        CtcDecoder.Decoded greedy = CtcDecoder.decode(logits, Vocabulary.SIZE, steps);
        List<GrammarDecoder.Candidate> candidates = decoder.decode(logits, steps, policy.alternatives());
        if (candidates.isEmpty()) {
            return new Reading(null, greedy.score(), greedy.text(), 0f, candidates);
        }
        GrammarDecoder.Candidate best = candidates.get(0);
        String text = best.probability() >= policy.minConfidence() ? best.text() : null;
        return new Reading(text, greedy.score(), greedy.text(), (float) best.probability(), candidates);
    }
}
