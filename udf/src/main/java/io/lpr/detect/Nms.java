package io.lpr.detect;

import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Class-agnostic greedy non-maximum suppression: there is one class (plate), and two plates never overlap. */
public final class Nms {
    private Nms() {}

    /** Keeps the best box of each group whose IoU reaches {@code iou}; the result is sorted by score, best first. */
    public static List<Detection> suppress(List<Detection> detections, float iou) {
        return suppress(detections, iou, Float.POSITIVE_INFINITY);
    }

    /**
     * Like {@link #suppress(List, float)}, and also drops a box whose intersection with a better box covers at least
     * {@code overSmaller} of the smaller of the two: a plate cut at a tile edge is a small box inside the whole one,
     * with an IoU too low for the first rule.
     */
    public static List<Detection> suppress(List<Detection> detections, float iou, float overSmaller) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean suppressed = false;
            for (Detection better : kept) {
                if (overlaps(better.box(), candidate.box(), iou, overSmaller)) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    static boolean overlaps(Box a, Box b, float iou, float overSmaller) {
        float iw = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        float ih = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (iw <= 0 || ih <= 0) {
            return false;
        }
        float intersection = iw * ih;
        float smaller = Math.min(a.area(), b.area());
        return a.iou(b) >= iou || (smaller > 0 && intersection / smaller >= overSmaller);
    }
}
