package io.lpr.journey;

/**
 * One row of the {@code journeys} table, keyed by (journey, entry event): sent when the entry is seen
 * (open), and again under the same key when its exit pairs (closed) or its limit passes (expired). The
 * latest record of a key is the journey; the sink upserts it, so a replay does not add rows.
 */
public class Journey {
    /** open: inside now; closed: exit paired; expired: no exit within the limit (or a newer entry of the plate). */
    public enum State { open, closed, expired }

    public String journey;
    public String entryEventId;
    /** Null unless closed. */
    public String exitEventId;
    /** The text read at the entry, and at the exit (which may differ by a near miss). */
    public String plateText;
    public String exitPlateText;
    public String entryCamera;
    public String exitCamera;
    /** Epoch milliseconds: the entry's and the exit's first sighting; exit 0 unless closed. */
    public long entryTime;
    public long exitTime;
    public State state;

    public Journey() {}

    /** Milliseconds from entry to exit, or null unless closed. */
    public Long durationMs() {
        return state == State.closed ? exitTime - entryTime : null;
    }

    @Override
    public String toString() {
        return "Journey{" + journey + " " + plateText + " " + state + " " + entryTime + ".." + exitTime + "}";
    }
}
