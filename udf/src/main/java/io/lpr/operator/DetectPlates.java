package io.lpr.operator;

import io.lpr.runtime.BatchingConfig;
import io.lpr.pipeline.FoundPlates;
import io.lpr.pipeline.InferenceService;
import io.lpr.pipeline.PlateFinder;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.PlateShape;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.guide.GuideState;
import io.lpr.guide.GuideStateSerializer;
import io.lpr.guide.Plan;
import io.lpr.model.ModelDirectory;
import io.lpr.runtime.MicroBatcher;
import io.lpr.runtime.SharedResources;
import io.lpr.snapshot.SnapshotConfig;
import java.time.Duration;
import java.util.Collection;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/**
 * Finds plates in frames off the task thread; emits a candidate (with its crop) per plate found. Each camera's
 * regions come from its guide ({@link CameraGuides}: motion, tracked plates, watched weak boxes, a slow sweep), or
 * the full tiling.
 *
 * <p>The guides are checkpointed, so a restored job scans the regions the failed one would have: every checkpoint
 * holds, in union list state ({@link CameraStates}), the guide of each camera this subtask detected (each entry
 * {@link GuideStateSerializer}'s bytes with their version); the first subtask of the process to open after a restore
 * installs them all in the process's {@link CameraGuides}.
 */
public class DetectPlates extends InferenceFunction<Frame, FoundPlates, PlateCandidate>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final GuideStateSerializer SERIALIZER = new GuideStateSerializer();
    private static final String GUIDES_STATE = "camera-guides";

    private final DetectorConfig config;
    private final GuideConfig guide;
    private final ModelDirectory models;
    private final BatchingConfig batching;
    private final PlateShape shape;
    private final SnapshotConfig snapshots;

    private transient Counter frames;
    private transient Counter plates;
    private transient Counter detectorCalls;
    private transient Counter pixelsScanned;
    private transient Counter regionsFromMotion;
    private transient Counter regionsFromTracks;
    private transient Counter regionsFromSweep;
    private transient Counter regionsFromWatch;
    private transient Counter weakBoxes;

    /** The guides of the cameras this subtask detects, in union list state. */
    private transient CameraStates<GuideState> guideState;
    private transient SharedResources.Lease<CameraGuides> guides;

    /** Keeping boxes of the default plate shape. */
    public DetectPlates(DetectorConfig config, GuideConfig guide, ModelDirectory models, BatchingConfig batching) {
        this(config, guide, models, batching, PlateShape.DEFAULTS);
    }

    /** Without snapshots. */
    public DetectPlates(DetectorConfig config, GuideConfig guide, ModelDirectory models, BatchingConfig batching,
            PlateShape shape) {
        this(config, guide, models, batching, shape, SnapshotConfig.OFF);
    }

    /** With each frame that has a plate snapshotted as {@code snapshots} says ({@link PlateFinder}). */
    public DetectPlates(DetectorConfig config, GuideConfig guide, ModelDirectory models, BatchingConfig batching,
            PlateShape shape, SnapshotConfig snapshots) {
        this.snapshots = snapshots;
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
                + "|" + guide + "|" + snapshots;
    }

    /** The key of the process's camera guides, shared by the detector's workers and this operator's subtasks. */
    String guidesKey() {
        return modelKey() + "|guides";
    }

    private CameraGuides newGuides() {
        // A guide keeps the plans of as many frames as the async operator can hold at a checkpoint and replay.
        return new CameraGuides(guide, config, batching.capacity());
    }

    @Override
    InferenceService<Frame, FoundPlates> startService() {
        DetectorModel model = DetectorModel.load(config, models);
        SharedResources.Lease<CameraGuides> guides = SharedResources.acquire(guidesKey(), this::newGuides);
        AutoCloseable both = () -> {
            try (model; guides) {
                // closes both
            }
        };
        // A frame's regions already go through the model together, so frames are not batched with each other.
        return new InferenceService<>(both, new MicroBatcher<>("lpr-detect", batching.workers(), 1, Duration.ZERO,
                () -> new PlateFinder(model.newDetector(shape), guides.get(), snapshots)));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        guideState = new CameraStates<>(GUIDES_STATE, SERIALIZER, GuideState::cameraId, GuideState::isNewerThan,
                context, getRuntimeContext());
    }

    @Override
    public void open(OpenContext context) {
        super.open(context);
        guides = SharedResources.acquire(guidesKey(), this::newGuides);
        // Before the frames of the operator's queue are replayed (the async operator does that after this).
        if (guideState != null) {
            guides.get().restore(guideState.restoredFrom(), guideState.restored());
        }
    }

    @Override
    public void asyncInvoke(Frame frame, ResultFuture<PlateCandidate> result) {
        guideState.seen(frame.cameraId);
        super.asyncInvoke(frame, result);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        // None where the camera's first frame is still queued.
        guideState.snapshot(guides.get()::snapshot, getRuntimeContext());
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            if (guides != null) {
                guides.close();
            }
        }
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
