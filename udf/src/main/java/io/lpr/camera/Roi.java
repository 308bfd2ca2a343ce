package io.lpr.camera;

import java.io.Serializable;

/**
 * A region of interest: the rectangle of the source picture, in source pixels, that a camera
 * analyses. Frames are cropped to it before they are resized. Written and parsed as
 * {@code x,y,width,height}, e.g. {@code 640,360,1280,720}.
 */
public record Roi(int x, int y, int width, int height) implements Serializable {
    private static final String FORMAT = "expected x,y,width,height in source pixels, e.g. 640,360,1280,720";


    /** @throws IllegalArgumentException when the corner is negative or the size is not positive */
    public Roi {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("region of interest " + x + "," + y + "," + width + "," + height
                    + " needs x, y >= 0 and a positive width and height");
        }
    }

    /** @throws IllegalArgumentException when the corner is negative or the size is not positive */
    public static Roi of(int x, int y, int width, int height) {
        return new Roi(x, y, width, height);
    }

    /** Parses {@code x,y,width,height}. @throws IllegalArgumentException with a one-line reason */
    public static Roi parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("region of interest '" + text + "': " + FORMAT);
        }
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("region of interest '" + text + "': " + FORMAT, e);
            }
        }
        return of(values[0], values[1], values[2], values[3]);
    }

    /** Whether the region lies inside a picture of this size. */
    public boolean fitsIn(int pictureWidth, int pictureHeight) {
        return (long) x + width <= pictureWidth && (long) y + height <= pictureHeight;
    }

    /** {@code x,y,width,height}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return x + "," + y + "," + width + "," + height;
    }
}
