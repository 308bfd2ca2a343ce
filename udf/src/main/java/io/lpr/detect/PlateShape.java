package io.lpr.detect;

import io.lpr.event.Box;
import java.io.Serializable;

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
                    "detector box aspect must satisfy 0 < min <= max, got " + minAspect + ".." + maxAspect);
        }
        if (!(minWidth >= 0 && maxWidth >= minWidth)) {
            throw new IllegalArgumentException(
                    "detector box width must satisfy 0 <= min <= max, got " + minWidth + ".." + maxWidth);
        }
    }

    public boolean accepts(Box box) {
        float w = box.width();
        float h = box.height();
        return h > 0 && w >= minWidth && w <= maxWidth && w / h >= minAspect && w / h <= maxAspect;
    }
}
