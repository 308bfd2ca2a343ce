package io.lpr.operator;

import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.model.ModelDirectory;
import io.lpr.runtime.MicroBatcher;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Finds plates in frames off the task thread; emits a candidate (with its crop) per plate found. */
public class DetectPlates extends InferenceFunction<Frame, List<PlateCandidate>, PlateCandidate> {
    private static final long serialVersionUID = 1L;

    private final DetectorConfig config;
    private final ModelDirectory models;
    private final BatchingConfig batching;

    private transient Counter frames;
    private transient Counter plates;

    public DetectPlates(DetectorConfig config, ModelDirectory models, BatchingConfig batching) {
        this.config = config;
        this.models = models;
        this.batching = batching;
    }

    @Override
    String modelKey() {
        return "detector|" + models + "|" + config.modelFile() + "|" + config.device();
    }

    @Override
    InferenceService<Frame, List<PlateCandidate>> startService() {
        DetectorModel model = DetectorModel.load(config, models);
        // A frame's tiles already go through the model together, so frames are not batched with each other.
        return new InferenceService<>(model, new MicroBatcher<>(
                "lpr-detect", batching.workers(), 1, Duration.ZERO, () -> new PlateFinder(model.newDetector())));
    }

    @Override
    BatchingConfig batching() {
        return batching;
    }

    @Override
    void registerMetrics(MetricGroup metrics) {
        frames = metrics.counter("framesDetected");
        plates = metrics.counter("platesDetected");
    }

    @Override
    Collection<PlateCandidate> outputs(List<PlateCandidate> candidates) {
        frames.inc();
        plates.inc(candidates.size());
        return candidates;
    }
}
