package io.lpr.bench;

import ai.djl.metric.Metrics;
import io.lpr.detect.Detections;
import io.lpr.detect.Detection;
import io.lpr.detect.PlateDetector;
import io.lpr.detect.Tiler;
import java.util.List;
import java.util.function.LongSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/** A detector that adds up the CPU time of its model calls (letterboxing and box decoding included). */
final class CpuTimedDetector implements PlateDetector {
    private final PlateDetector detector;
    private final LongSupplier clockNanos;
    private long nanos;

    CpuTimedDetector(PlateDetector detector, LongSupplier clockNanos) {
        this.detector = detector;
        this.clockNanos = clockNanos;
    }

    long nanos() {
        return nanos;
    }

    @Override
    public List<Detection> detect(Mat bgrFrame) {
        long start = clockNanos.getAsLong();
        try {
            return detector.detect(bgrFrame);
        } finally {
            nanos += clockNanos.getAsLong() - start;
        }
    }

    @Override
    public List<Detection> detect(Mat bgrFrame, List<Tiler.Tile> regions) {
        long start = clockNanos.getAsLong();
        try {
            return detector.detect(bgrFrame, regions);
        } finally {
            nanos += clockNanos.getAsLong() - start;
        }
    }

    @Override
    public Detections detectWithWeak(Mat bgrFrame, List<Tiler.Tile> regions) {
        long start = clockNanos.getAsLong();
        try {
            return detector.detectWithWeak(bgrFrame, regions);
        } finally {
            nanos += clockNanos.getAsLong() - start;
        }
    }

    @Override
    public int maxBatch() {
        return detector.maxBatch();
    }

    @Override
    public void setMetrics(Metrics metrics) {
        detector.setMetrics(metrics);
    }

    @Override
    public void close() {
        detector.close();
    }
}
