package io.lpr.detect;

import io.lpr.event.Box;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Box shapes and sizes a plate can have; the detector drops the others before NMS, so that a wheel's or a
 * grille's box cannot suppress a plate's. Plates are wider than tall (a Russian plate is 4.6:1; perspective
 * and the tight box of a far plate bring it to ~1.5-8) and at 1080p between ~12 px (too small to read) and
 * ~640 px wide. A 69x103 box around a wheel fails the aspect test.
 */
public record PlateShape(float minAspect, float maxAspect, float minWidth, float maxWidth) implements Serializable {
    public static final PlateShape DEFAULTS = new PlateShape(1.5f, 8f, 12f, 640f);

    public PlateShape {
        if (!(minAspect > 0 && maxAspect >= minAspect)) {
            throw new IllegalArgumentException(
                    "lpr.detector.min-aspect and max-aspect must satisfy 0 < min <= max, got " + minAspect + ".." + maxAspect);
        }
        if (!(minWidth >= 0 && maxWidth >= minWidth)) {
            throw new IllegalArgumentException(
                    "lpr.detector.min-width and max-width must satisfy 0 <= min <= max, got " + minWidth + ".." + maxWidth);
        }
    }

    /** The box-shape settings, {@code lpr.detector.min-aspect} ... {@code max-width} ({@link DetectorOptions}). */
    public static PlateShape from(ReadableConfig c) {
        return new PlateShape(c.get(DetectorOptions.MIN_ASPECT), c.get(DetectorOptions.MAX_ASPECT),
                c.get(DetectorOptions.MIN_WIDTH), c.get(DetectorOptions.MAX_WIDTH));
    }

    public PlateShape withAspect(float min, float max) {
        return new PlateShape(min, max, minWidth, maxWidth);
    }

    public PlateShape withWidth(float min, float max) {
        return new PlateShape(minAspect, maxAspect, min, max);
    }

    public boolean accepts(Box box) {
        float w = box.width();
        float h = box.height();
        return h > 0 && w >= minWidth && w <= maxWidth && w / h >= minAspect && w / h <= maxAspect;
    }
}
