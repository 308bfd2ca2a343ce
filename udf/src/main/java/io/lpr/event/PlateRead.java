package io.lpr.event;

/**
 * A candidate after STN + LPRNet: the text, or null when the plate is unreadable or was not read ({@link #skipped}).
 */
public class PlateRead {
    public PlateCandidate candidate;
    /** Plate text in the model's Latin look-alike letters, e.g. B840CK197; null when unreadable. */
    public String text;
    /** Minus the sum of the chosen logits (the reference's score): lower is more confident, accepted below -85. */
    public float textScore;
    /** How likely the text is exactly right, 0..1 (see the README's "Confidence"); 0 when unreadable. */
    public float confidence;
    /** The reference's greedy read (any text, before the grammar), kept as evidence. */
    public String greedyText;
    /** The best grammar-valid texts of this crop and their probabilities, most probable first (for voting). */
    public String[] alternatives = new String[0];
    public float[] alternativeProbabilities = new float[0];
    /**
     * Seen, not read: the crop's plate was already sure (the same text read confidently in its last frames), so the
     * recogniser skipped it. The passage tracker counts its frame but gives it no vote.
     */
    public boolean skipped;

    public PlateRead() {}

    public PlateRead(PlateCandidate candidate, String text, float textScore) {
        this.candidate = candidate;
        this.text = text;
        this.textScore = textScore;
    }

    /** A crop the recogniser skipped: no text, only that the plate was there. */
    public static PlateRead skipped(PlateCandidate candidate) {
        PlateRead read = new PlateRead(candidate, null, 0f);
        read.skipped = true;
        return read;
    }

    public boolean readable() {
        return text != null;
    }

    /** What the passage tracker takes: a text, or a skipped crop of a sure plate that keeps its passage open. */
    public boolean tracked() {
        return readable() || skipped;
    }

    @Override
    public String toString() {
        return "PlateRead{" + candidate + " " + (skipped ? "skipped" : text + " " + textScore) + "}";
    }
}
