package io.lpr.journey;

import io.lpr.event.PlateEvent;

/**
 * A final plate event at one side of one journey: what the pairing stage keys (by {@link #journey}), holds
 * while it waits for the watermark, and keeps as an open entry. A POJO, so Flink serialises it without Kryo;
 * fields added later are restored from older checkpoints by Flink's POJO schema evolution, as their Java
 * defaults.
 */
public class JourneyPassage {
    public String journey;
    /** True at the entry side, false at the exit side. */
    public boolean entry;
    public String eventId;
    public String cameraId;
    public String plateText;
    /** Epoch milliseconds of the event's first sighting: the time of the entry or exit. */
    public long firstSeen;
    /** The record's event time (the watermark passes it before the passage is paired, in time order). */
    public long recordTime;

    public JourneyPassage() {}

    public static JourneyPassage of(String journey, boolean entry, PlateEvent event, long recordTime) {
        JourneyPassage p = new JourneyPassage();
        p.journey = journey;
        p.entry = entry;
        p.eventId = event.eventId;
        p.cameraId = event.cameraId;
        p.plateText = event.plateText;
        p.firstSeen = event.firstSeen;
        p.recordTime = recordTime;
        return p;
    }

    @Override
    public String toString() {
        return "JourneyPassage{" + journey + (entry ? " in " : " out ") + cameraId + " " + plateText + " " + firstSeen + "}";
    }
}
