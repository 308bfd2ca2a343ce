package io.lpr.detect;

import ai.djl.metric.Metrics;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds licence plates in a frame. Not thread-safe: it holds its own DJL Predictor, so each thread (each Flink
 * subtask) gets its own from {@link DetectorModel#newDetector()}.
 */
public interface PlateDetector extends AutoCloseable {

    /** Plates in a BGR frame, boxes in the frame's own pixel coordinates, best score first. */
    List<Detection> detect(Mat bgrFrame);

    /** Records DJL's timings of each model call ("Inference" is the bare forward, in microseconds); null stops. */
    void setMetrics(Metrics metrics);

    @Override
    void close();
}
