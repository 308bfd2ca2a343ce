package io.lpr.detect;

import io.lpr.util.Messages;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.djl.inference.Predictor;
import ai.djl.metric.Metrics;
import ai.djl.translate.TranslateException;
import io.lpr.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Runs the configured tiles (and the whole frame) through one Predictor and merges the boxes across tile seams. */
final class TiledPlateDetector implements PlateDetector {
    /** A box this much inside a better one is the same plate cut at a tile edge. */
    static final float SEAM_OVER_SMALLER = 0.7f;

    private final Predictor<TileBatch, List<Detection>> predictor;
    private final List<Integer> tileSizes;
    private final float tileOverlap;
    private final boolean wholeFrame;
    private final float confidence;
    private final float nmsIou;
    private final int maxBatch;
    private final PlateShape shape;

    TiledPlateDetector(Predictor<TileBatch, List<Detection>> predictor, DetectorConfig config, int maxBatch,
            PlateShape shape) {
        this.predictor = predictor;
        this.tileSizes = List.copyOf(config.tileSizes());
        this.tileOverlap = config.tileOverlap();
        this.wholeFrame = config.runsWholeFrame();
        this.confidence = config.confidence();
        this.nmsIou = config.nmsIou();
        this.maxBatch = maxBatch;
        this.shape = shape;
    }

    @Override
    public List<Detection> detect(Mat bgrFrame) {
        requireFrame(bgrFrame);
        return detect(bgrFrame, Tiler.fullTiling(bgrFrame.cols(), bgrFrame.rows(), tileSizes, tileOverlap, wholeFrame));
    }

    @Override
    public List<Detection> detect(Mat bgrFrame, List<Tiler.Tile> regions) {
        return detectWithWeak(bgrFrame, regions).plates();
    }

    /**
     * Boxes are decoded down to the watch confidence and suppressed together, then split at the confidence. Greedy
     * NMS takes boxes best first, so every weak box comes after every plate and can suppress none: the plates are
     * exactly those a run at the confidence alone would give.
     */
    @Override
    public Detections detectWithWeak(Mat bgrFrame, List<Tiler.Tile> regions) {
        requireFrame(bgrFrame);
        List<Detection> found = new ArrayList<>();
        try {
            for (int from = 0; from < regions.size(); from += maxBatch) {
                int to = (int) Math.min(regions.size(), (long) from + maxBatch);
                found.addAll(predictor.predict(new TileBatch(bgrFrame, regions.subList(from, to))));
            }
        } catch (TranslateException e) {
            ModelException cause = DetectorModel.modelCause(e);
            throw cause != null ? cause : new ModelException("plate detector failed on a " + bgrFrame.cols() + "x"
                    + bgrFrame.rows() + " frame: " + Messages.rootMessage(e), e);
        }
        // Before NMS, so that a wheel's or a grille's box cannot suppress a plate's.
        found.removeIf(d -> !shape.accepts(d.box()));
        List<Detection> plates = new ArrayList<>();
        List<Detection> weak = new ArrayList<>();
        for (Detection d : Nms.suppress(found, nmsIou, SEAM_OVER_SMALLER)) {
            (d.score() >= confidence ? plates : weak).add(d.withRunnerUp(runnerUp(d, found)));
        }
        return new Detections(plates, weak);
    }

    /** The best score among the boxes of other regions that the kept box suppressed: how narrowly its region won. */
    private float runnerUp(Detection kept, List<Detection> found) {
        float best = 0f;
        for (Detection other : found) {
            if (other != kept && other.score() > best && !java.util.Objects.equals(other.region(), kept.region())
                    && Nms.overlaps(kept.box(), other.box(), nmsIou, SEAM_OVER_SMALLER)) {
                best = other.score();
            }
        }
        return best;
    }

    private static void requireFrame(Mat bgrFrame) {
        if (bgrFrame == null || bgrFrame.empty() || bgrFrame.type() != CV_8UC3) {
            throw new IllegalArgumentException("plate detector needs a non-empty 8-bit BGR frame");
        }
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public void setMetrics(Metrics metrics) {
        predictor.setMetrics(metrics);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
