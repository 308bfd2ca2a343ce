package io.lpr.event;

/** A candidate after STN + LPRNet: the text, or null when the plate is unreadable. */
public class PlateRead {
    public PlateCandidate candidate;
    /** Plate text in the model's Latin look-alike letters, e.g. B840CK197; null when unreadable. */
    public String text;
    /** Minus the sum of the chosen logits (the reference's score): lower is more confident, accepted below -85. */
    public float textScore;

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
