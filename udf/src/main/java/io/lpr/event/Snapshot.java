package io.lpr.event;

/**
 * A full-frame picture of the frame a plate was read in, JPEG, at most as wide as the frame; the plate's box
 * stays in the frame's pixels ({@link #sourceWidth} x {@link #sourceHeight}), so a viewer scales it by
 * {@code width / sourceWidth}. A POJO, so Flink serialises it without Kryo.
 */
public class Snapshot {
    public byte[] jpeg;
    /** The picture's size, pixels. */
    public int width;
    public int height;
    /** The frame's size, pixels: the space the event's box is in. */
    public int sourceWidth;
    public int sourceHeight;

    public Snapshot() {}

    public Snapshot(byte[] jpeg, int width, int height, int sourceWidth, int sourceHeight) {
        this.jpeg = jpeg;
        this.width = width;
        this.height = height;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
    }

    @Override
    public String toString() {
        return "Snapshot{" + width + "x" + height + " of " + sourceWidth + "x" + sourceHeight + ", "
                + (jpeg == null ? 0 : jpeg.length) + " bytes}";
    }
}
