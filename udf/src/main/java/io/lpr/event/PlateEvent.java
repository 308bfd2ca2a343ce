package io.lpr.event;

/**
 * One vehicle passage seen by one camera: what the sinks store. The stream of events is a changelog: the
 * dedup stage re-sends an event, under the same id with the next {@link #revision}, each time a later
 * passage joins it, and once more, marked {@link #isFinal}, when it leaves the dedup window and can change no
 * more. The latest revision of an id is the event; the database keeps only that (an upsert by id).
 */
public class PlateEvent {
    /**
     * Deterministic id from where the passage starts in its camera's stream (camera, first frame, rank
     * within that frame: {@link io.lpr.track.EventIds}), never from the text read, so a replay that votes
     * differently still upserts the same row. A merged event keeps its first passage's id.
     */
    public String eventId;
    /**
     * 1 for an event's first record, then one more per update of the same {@link #eventId}: a consumer keeps
     * the highest. A passage as the tracker closes it is revision 1.
     */
    public int revision;
    /**
     * True on an event's last record: it has left the dedup window (or deduplication is off, where every
     * passage is emitted once, revision 1, final), so no later record of its id follows.
     */
    public boolean isFinal;
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
    /**
     * The full frame of the best read (the one {@link #box} and {@link #cropJpeg} are from), or null: stored
     * beside the event, not in its JSON (docs/snapshots.md).
     */
    public Snapshot snapshot;

    public PlateEvent() {}

    @Override
    public String toString() {
        return "PlateEvent{" + cameraId + " " + plateText + " " + firstSeen + ".." + lastSeen + " frames=" + frames
                + " votes=" + votes + " rev=" + revision + (isFinal ? " final" : "") + "}";
    }
}
