package io.lpr.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The width and height an image file's header declares, read without decoding the pixels (ImageIO reads only
 * the PNG IHDR, the JPEG SOF, ...): a few bytes can claim 100000x100000 pixels, and decoding them would ask
 * for 30 GB.
 */
public record DeclaredSize(int width, int height) {
    /** The most pixels an image may declare to be decoded: 100 million, a 12000x8000 photo, 300 MB as BGR. */
    public static final long MAX_PIXELS = 100_000_000L;

    public long pixels() {
        return (long) width * height;
    }

    /** The size the header declares; null when ImageIO does not know the format or cannot read its header. */
    public static DeclaredSize of(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new DeclaredSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null; // not a header ImageIO can read: OpenCV decides
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
