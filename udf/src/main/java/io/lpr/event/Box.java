package io.lpr.event;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;

/** An axis-aligned box in pixel coordinates of the frame it was found in: (x1, y1) top-left, (x2, y2) bottom-right. */
public class Box {
    public float x1;
    public float y1;
    public float x2;
    public float y2;

    public Box() {}

    public Box(float x1, float y1, float x2, float y2) {
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
    }

    public float width() {
        return Math.max(0f, x2 - x1);
    }

    public float height() {
        return Math.max(0f, y2 - y1);
    }

    public float area() {
        return width() * height();
    }

    public float iou(Box other) {
        float iw = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float ih = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (iw <= 0 || ih <= 0) {
            return 0f;
        }
        float inter = iw * ih;
        return inter / (area() + other.area() - inter);
    }

    public Box scaled(float sx, float sy) {
        return new Box(x1 * sx, y1 * sy, x2 * sx, y2 * sy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && x1 == b.x1 && y1 == b.y1 && x2 == b.x2 && y2 == b.y2;
    }

    @Override
    public int hashCode() {
        return Objects.hash(x1, y1, x2, y2);
    }

    @Override
    public String toString() {
        return String.format("[%.1f,%.1f,%.1f,%.1f]", x1, y1, x2, y2);
    }

    /** Writes the corners as checkpointed state keeps a box; {@link #readFrom} reads them back. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeFloat(x1);
        out.writeFloat(y1);
        out.writeFloat(x2);
        out.writeFloat(y2);
    }

    public static Box readFrom(DataInput in) throws IOException {
        return new Box(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
    }
}
