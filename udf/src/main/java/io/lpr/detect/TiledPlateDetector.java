package io.lpr.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.djl.inference.Predictor;
import ai.djl.metric.Metrics;
import ai.djl.translate.TranslateException;
import io.lpr.model.ModelException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/** Runs the configured tiles (and the whole frame) through one Predictor and merges the boxes across tile seams. */
final class TiledPlateDetector implements PlateDetector {
    /** A box this much inside a better one is the same plate cut at a tile edge. */
    static final float SEAM_OVER_SMALLER = 0.7f;

    private final Predictor<TileBatch, List<Detection>> predictor;
    private final List<Integer> tileSizes;
    private final float tileOverlap;
    private final boolean wholeFrame;
    private final float nmsIou;
    private final int maxBatch;

    TiledPlateDetector(Predictor<TileBatch, List<Detection>> predictor, DetectorConfig config, int maxBatch) {
        this.predictor = predictor;
        this.tileSizes = List.copyOf(config.tileSizes());
        this.tileOverlap = config.tileOverlap();
        this.wholeFrame = config.runsWholeFrame();
        this.nmsIou = config.nmsIou();
        this.maxBatch = maxBatch;
    }

    @Override
    public List<Detection> detect(Mat bgrFrame) {
        if (bgrFrame == null || bgrFrame.empty() || bgrFrame.type() != CV_8UC3) {
            throw new IllegalArgumentException("plate detector needs a non-empty 8-bit BGR frame");
        }
        List<Tiler.Tile> regions = regions(bgrFrame.cols(), bgrFrame.rows());
        List<Detection> found = new ArrayList<>();
        try {
            for (int from = 0; from < regions.size(); from += maxBatch) {
                int to = (int) Math.min(regions.size(), (long) from + maxBatch);
                found.addAll(predictor.predict(new TileBatch(bgrFrame, regions.subList(from, to))));
            }
        } catch (TranslateException e) {
            ModelException cause = DetectorModel.modelCause(e);
            throw cause != null ? cause : new ModelException("plate detector failed on a " + bgrFrame.cols() + "x"
                    + bgrFrame.rows() + " frame: " + DetectorModel.rootMessage(e), e);
        }
        return Nms.suppress(found, nmsIou, SEAM_OVER_SMALLER);
    }

    /** The tiles of every configured size, then the whole frame; a tile equal to another (small frames) runs once. */
    private List<Tiler.Tile> regions(int width, int height) {
        Set<Tiler.Tile> regions = new LinkedHashSet<>();
        for (int size : tileSizes) {
            regions.addAll(Tiler.tiles(width, height, size, tileOverlap));
        }
        if (wholeFrame) {
            regions.add(new Tiler.Tile(0, 0, width, height));
        }
        return new ArrayList<>(regions);
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
