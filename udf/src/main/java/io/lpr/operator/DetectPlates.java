package io.lpr.operator;

import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.PlateShape;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.guide.Plan;
import io.lpr.model.ModelDirectory;
import io.lpr.runtime.MicroBatcher;
import java.time.Duration;
import java.util.Collection;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * Finds plates in frames off the task thread; emits a candidate (with its crop) per plate found. Each camera's
 * regions come from its guide ({@link CameraGuides}: motion, tracked plates, watched weak boxes, a slow sweep), or
 * the full tiling.
 */
public class DetectPlates extends InferenceFunction<Frame, FoundPlates, PlateCandidate> {
    private static final long serialVersionUID = 1L;

    private final DetectorConfig config;
    private final GuideConfig guide;
    private final ModelDirectory models;
    private final BatchingConfig batching;
    private final PlateShape shape;

    private transient Counter frames;
    private transient Counter plates;
    private transient Counter detectorCalls;
    private transient Counter pixelsScanned;
    private transient Counter regionsFromMotion;
    private transient Counter regionsFromTracks;
    private transient Counter regionsFromSweep;
    private transient Counter regionsFromWatch;
    private transient Counter weakBoxes;

    /** Keeping boxes of the default plate shape. */
    public DetectPlates(DetectorConfig config, GuideConfig guide, ModelDirectory models, BatchingConfig batching) {
        this(config, guide, models, batching, PlateShape.DEFAULTS);
    }

    public DetectPlates(DetectorConfig config, GuideConfig guide, ModelDirectory models, BatchingConfig batching,
            PlateShape shape) {
        this.config = config;
        this.guide = guide;
        this.models = models;
        this.batching = batching;
        this.shape = shape;
    }

    @Override
    String modelKey() {
        // The guides live beside the model: keyed by their settings too, so two jobs never share a camera's guide.
        return "detector|" + models + "|" + config.modelFile() + "|" + config.device() + "|" + config.tileSizes()
                + "|" + guide;
    }

    @Override
    InferenceService<Frame, FoundPlates> startService() {
        DetectorModel model = DetectorModel.load(config, models);
        CameraGuides guides = new CameraGuides(guide, config);
        AutoCloseable both = () -> {
            try (model) {
                guides.close();
            }
        };
        // A frame's regions already go through the model together, so frames are not batched with each other.
        return new InferenceService<>(both, new MicroBatcher<>(
                "lpr-detect", batching.workers(), 1, Duration.ZERO, () -> new PlateFinder(model.newDetector(shape), guides)));
    }

    @Override
    BatchingConfig batching() {
        return batching;
    }

    @Override
    void registerMetrics(MetricGroup metrics) {
        frames = metrics.counter("framesDetected");
        plates = metrics.counter("platesDetected");
        detectorCalls = metrics.counter("detectorCalls");
        pixelsScanned = metrics.counter("pixelsScanned");
        regionsFromMotion = metrics.counter("regionsFromMotion");
        regionsFromTracks = metrics.counter("regionsFromTracks");
        regionsFromSweep = metrics.counter("regionsFromSweep");
        regionsFromWatch = metrics.counter("regionsFromWatch");
        weakBoxes = metrics.counter("weakBoxes");
        metrics.gauge("detectorCallsPerFrame", (Gauge<Double>) () ->
                frames.getCount() == 0 ? 0.0 : detectorCalls.getCount() / (double) frames.getCount());
    }

    @Override
    Collection<PlateCandidate> outputs(FoundPlates found) {
        Plan plan = found.plan();
        frames.inc();
        plates.inc(found.candidates().size());
        detectorCalls.inc(found.detectorCalls());
        pixelsScanned.inc(plan.pixels());
        regionsFromMotion.inc(plan.fromMotion());
        regionsFromTracks.inc(plan.fromTracks());
        regionsFromSweep.inc(plan.fromSweep());
        regionsFromWatch.inc(plan.fromWatch());
        weakBoxes.inc(found.weakBoxes());
        return found.candidates();
    }
}
