package io.lpr.recognize;

/**
 * What the recogniser made of one crop.
 *
 * @param text the accepted plate text, null when the crop is unreadable (see {@link PlateFormat#accepts})
 * @param score minus the summed logits of the greedy path; lower is more confident
 * @param rawText the collapsed text before acceptance, for diagnostics
 */
public record Reading(String text, float score, String rawText) {
    public boolean readable() {
        return text != null;
    }

    static Reading of(CtcDecoder.Decoded decoded) {
        String accepted = PlateFormat.accepts(decoded.text(), decoded.score()) ? decoded.text() : null;
        return new Reading(accepted, decoded.score(), decoded.text());
    }
}
