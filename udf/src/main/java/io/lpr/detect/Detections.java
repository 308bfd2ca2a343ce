package io.lpr.detect;

import java.util.List;

/**
 * What the detector found in a frame's regions, after NMS: the plates (at or above the detector confidence) and the
 * weak boxes (below it, down to the watch confidence). Both sorted best first.
 *
 * @param plates plate candidates, exactly what {@link PlateDetector#detect(org.bytedeco.opencv.opencv_core.Mat,
 *     List)} returns
 * @param weak boxes too weak to be candidates; guided detection watches their regions
 */
public record Detections(List<Detection> plates, List<Detection> weak) {
    public Detections {
        plates = List.copyOf(plates);
        weak = List.copyOf(weak);
    }
}
