package io.lpr.event;

/**
 * One decoded video frame chosen for analysis: packed BGR bytes (OpenCV's order), row-major,
 * {@code width * height * 3} long.
 */
public class Frame {
    public String cameraId;
    /** Event time, epoch milliseconds (from the stream clock). */
    public long eventTime;
    /** Position of this frame among the frames the camera decoded, from 0. */
    public long sequence;
    public int width;
    public int height;
    public byte[] pixels;
    /** Offset of this frame into its video file, ms (the same on every run); -1 for a live stream. */
    public long offsetMs = -1;

    public Frame() {}

    public Frame(String cameraId, long eventTime, long sequence, int width, int height, byte[] pixels) {
        this.cameraId = cameraId;
        this.eventTime = eventTime;
        this.sequence = sequence;
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    @Override
    public String toString() {
        return "Frame{" + cameraId + " #" + sequence + " @" + eventTime + " " + width + "x" + height + "}";
    }
}
