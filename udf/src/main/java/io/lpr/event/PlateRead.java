package io.lpr.event;

/** A candidate after STN + LPRNet: the text, or null when the plate is unreadable. */
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

    public PlateRead() {}

    public PlateRead(PlateCandidate candidate, String text, float textScore) {
        this.candidate = candidate;
        this.text = text;
        this.textScore = textScore;
    }

    public boolean readable() {
        return text != null;
    }

    @Override
    public String toString() {
        return "PlateRead{" + candidate + " " + text + " " + textScore + "}";
    }
}
