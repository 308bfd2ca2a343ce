package io.lpr.event;

/**
 * A plate the detector found in one frame, with the crop cut by the reference's rule (box grown by 20%
 * of its height above and below, clamped to the frame) as packed BGR bytes.
 */
public class PlateCandidate {
    public String cameraId;
    public long eventTime;
    public long frameSequence;
    public int frameWidth;
    public int frameHeight;
    public Box box;
    /** Detector confidence, 0..1. */
    public float score;
    public int cropWidth;
    public int cropHeight;
    public byte[] cropPixels;
    /** The frame's offset into its video file, ms; -1 for a live stream. */
    public long offsetMs = -1;
    /**
     * The whole frame, scaled and JPEG'd once per frame (the frame's candidates share it), or null when
     * snapshots are off: the tracker keeps the one of each passage's best read.
     */
    public Snapshot snapshot;

    public PlateCandidate() {}

    public PlateCandidate(Frame frame, Box box, float score, int cropWidth, int cropHeight, byte[] cropPixels) {
        this.cameraId = frame.cameraId;
        this.eventTime = frame.eventTime;
        this.frameSequence = frame.sequence;
        this.frameWidth = frame.width;
        this.frameHeight = frame.height;
        this.box = box;
        this.score = score;
        this.cropWidth = cropWidth;
        this.cropHeight = cropHeight;
        this.cropPixels = cropPixels;
        this.offsetMs = frame.offsetMs;
    }

    @Override
    public String toString() {
        return "PlateCandidate{" + cameraId + " #" + frameSequence + " " + box + " " + score + "}";
    }
}
