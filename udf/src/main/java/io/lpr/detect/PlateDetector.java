package io.lpr.detect;

import ai.djl.metric.Metrics;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds licence plates in a frame. Not thread-safe: it holds its own DJL Predictor, so each thread (each Flink
 * subtask) gets its own from {@link DetectorModel#newDetector()}.
 */
public interface PlateDetector extends AutoCloseable {

    /** Plates in a BGR frame (its full tiling), boxes in the frame's own pixel coordinates, best score first. */
    List<Detection> detect(Mat bgrFrame);

    /**
     * Plates inside the given regions of a BGR frame (each letterboxed into one model input), merged across region
     * seams; boxes in frame pixels, best score first.
     */
    List<Detection> detect(Mat bgrFrame, List<Tiler.Tile> regions);

    /**
     * Like {@link #detect(Mat, List)}, and also the weak boxes: those scoring below the detector confidence, down to
     * the watch confidence. The plates are the same as {@link #detect(Mat, List)}'s.
     */
    Detections detectWithWeak(Mat bgrFrame, List<Tiler.Tile> regions);

    /** Most regions per model call (1 for a model with a fixed batch of 1). */
    int maxBatch();

    /** Records DJL's timings of each model call ("Inference" is the bare forward, in microseconds); null stops. */
    void setMetrics(Metrics metrics);

    @Override
    void close();
}
