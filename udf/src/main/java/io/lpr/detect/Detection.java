package io.lpr.detect;

import io.lpr.event.Box;

/**
 * A plate box in the pixel coordinates of the frame it was found in, with the detector's confidence (0..1).
 *
 * @param region the region of the frame whose model input gave the box; null where not known
 * @param runnerUp after NMS across regions: the best score of this plate's boxes from the other regions scanned
 *     (those it suppressed), 0 where no other region saw it; how clearly its region won
 */
public record Detection(Box box, float score, Tiler.Tile region, float runnerUp) {
    /** A box whose region is not known. */
    public Detection(Box box, float score) {
        this(box, score, null, 0f);
    }

    Detection withRunnerUp(float value) {
        return new Detection(box, score, region, value);
    }
}
