package io.lpr.event;

/**
 * One read as it joins its passage, sent on by the tracker the moment it arrives (not when the passage ends):
 * what alerts need to act on a plate while the car is still in view. The event id is the passage's
 * ({@code io.lpr.track.EventIds}) as the tracker knows it then: the id its event will have unless a read of an
 * earlier frame still arrives late.
 */
public class PassageRead {
    public String eventId;
    public String cameraId;
    /** This read's text, in the model's Latin look-alike letters. */
    public String plateText;
    public float confidence;
    /** Event time (epoch ms) of the read's frame. */
    public long seenAt;
    /** Readable reads in the passage so far, this one included. */
    public int frames;

    public PassageRead() {}

    public PassageRead(String eventId, String cameraId, String plateText, float confidence, long seenAt, int frames) {
        this.eventId = eventId;
        this.cameraId = cameraId;
        this.plateText = plateText;
        this.confidence = confidence;
        this.seenAt = seenAt;
        this.frames = frames;
    }

    @Override
    public String toString() {
        return "PassageRead{" + cameraId + " " + plateText + " " + confidence + " @" + seenAt + " " + eventId + "}";
    }
}
