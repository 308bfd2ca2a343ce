package io.lpr.event;

/** One vehicle passage seen by one camera: what the sinks store. */
public class PlateEvent {
    /** Deterministic id (camera, plate, first seen), so a replay upserts instead of duplicating. */
    public String eventId;
    public String cameraId;
    public String plateText;
    /** Epoch milliseconds of the first and last frame the plate was read in. */
    public long firstSeen;
    public long lastSeen;
    /** Offset of the first frame into the video file, ms, the same on every run; null for a live stream. */
    public Long offsetMs;
    /**
     * Frames in which the plate was read (any text), and of those, frames that read the winning text; for a
     * text composed position by position, the fewest frames that read any one of its characters there.
     */
    public int frames;
    public int votes;
    /** Best detector confidence (0..1) and best text score (lower is better) over the passage. */
    public float detectionScore;
    public float textScore;
    public Box box;
    /** How likely {@link #plateText} is exactly right, 0..1: the voted text's confidence over the passage. */
    public float confidence;
    /** The other texts read for this vehicle, most votes first, and their votes. */
    public String[] runnerUps = new String[0];
    public int[] runnerUpVotes = new int[0];
    /** The crop of the best read, JPEG. */
    public byte[] cropJpeg;

    public PlateEvent() {}

    @Override
    public String toString() {
        return "PlateEvent{" + cameraId + " " + plateText + " " + firstSeen + ".." + lastSeen + " frames=" + frames
                + " votes=" + votes + "}";
    }
}
