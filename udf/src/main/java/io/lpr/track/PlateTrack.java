package io.lpr.track;

import io.lpr.event.Box;
import io.lpr.event.Snapshot;

/**
 * One plate followed across frames of one camera, with a vote per distinct text. Kept in Flink keyed
 * state, so it is a POJO of arrays (no collections, which Flink would hand to Kryo).
 */
public class PlateTrack {
    public long firstSeen;
    public long lastSeen;
    /** The first frame's offset into its video file, ms; -1 for a live stream. */
    public long firstOffsetMs = -1;
    public Box lastBox;
    /** The box of the first read frame: orders passages that start in the same frame ({@link #startRank}). */
    public Box firstBox;
    /**
     * Rank, left to right by {@link #firstBox}, among this camera's tracks that started in the same frame
     * (0 when alone there): with the camera and {@link #firstSeen} it names the passage ({@link EventIds}).
     */
    public int startRank;
    /** Readable reads merged into this track, and the crops of it the recogniser skipped as sure. */
    public int frames;
    /**
     * Of {@link #frames}, the crops the recogniser skipped, the plate already sure: they carry no read, so the
     * passage's confidence (summed probability per read frame, {@link PositionVote}) leaves them out.
     */
    public int skippedFrames;
    /** Distinct texts read, with how many reads and the best (lowest) text score of each. */
    public String[] texts = new String[0];
    public int[] votes = new int[0];
    public float[] textScores = new float[0];
    /**
     * Per text, the summed probability the reads gave it among their best grammar-valid texts: the frames'
     * read distributions combined, so a text every frame finds likely wins over one a single frame is sure of.
     */
    public float[] weights = new float[0];
    public float bestDetectionScore;
    /**
     * Box and crop (packed BGR) of the read nearest the winning text (fewest edits, then most confident), with
     * its text and confidence.
     */
    public Box bestBox;
    public String cropText;
    public float cropConfidence;
    public int cropWidth;
    public int cropHeight;
    public byte[] cropPixels;
    /** The full frame of that read, when snapshots are on: held per open track only, so state stays bounded. */
    public Snapshot snapshot;
    /**
     * The reads of the newest frame not yet sent on to the alerts ({@link PassageTracker#release}): the
     * passage's id is settled only once every read of its first frame has arrived (its rank in that frame).
     */
    public String[] pendingTexts = new String[0];
    public float[] pendingConfidences = new float[0];
    public long[] pendingTimes = new long[0];

    public PlateTrack() {}

    /** The frames whose crop was read (readable): what the vote's probabilities are shared among. */
    public int readFrames() {
        return Math.max(1, frames - skippedFrames);
    }

    int indexOf(String text) {
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].equals(text)) {
                return i;
            }
        }
        return -1;
    }

    /** The text with the most summed probability; ties go to more votes, then the better text score. */
    public int leader() {
        int best = 0;
        for (int i = 1; i < texts.length; i++) {
            if (weights[i] > weights[best] || (weights[i] == weights[best] && (votes[i] > votes[best]
                    || (votes[i] == votes[best] && textScores[i] < textScores[best])))) {
                best = i;
            }
        }
        return best;
    }

    public String leaderText() {
        return texts.length == 0 ? null : texts[leader()];
    }
}
