package io.lpr.operator;

import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.model.ModelDirectory;
import io.lpr.pipeline.InferenceService;
import io.lpr.pipeline.PlateReader;
import io.lpr.recognize.ReadingPolicy;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.recognize.RecognizerModel;
import io.lpr.recognize.SureCameras;
import io.lpr.recognize.SureReads;
import io.lpr.recognize.SureReadsConfig;
import io.lpr.recognize.SureState;
import io.lpr.recognize.SureStateSerializer;
import io.lpr.runtime.BatchingConfig;
import io.lpr.runtime.MicroBatcher;
import io.lpr.runtime.SharedResources;
import io.lpr.track.TrackerConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/**
 * Reads plate text off the task thread. Crops from every camera and subtask of the process meet in one
 * batching queue, so the model sees full batches even when each camera sends a plate at a time.
 *
 * <p>A plate already sure (its last reads agreed, confidently) is read on only every Nth of its frames
 * ({@link SureReads}); its other crops go on as {@link PlateRead#skipped} reads, so the tracker still follows it. A
 * camera's crops are decided in order, each frame's after the reads of its earlier frames ({@link FrameGate}), so
 * the decisions never depend on timing; they are checkpointed ({@link CameraStates}, {@link SureStateSerializer}) and
 * installed once per restore in the process's {@link SureCameras}, as the detector's guides are, so a restored job
 * reads the crops the failed one would have.
 */
public class RecognizePlates extends InferenceFunction<PlateCandidate, PlateRead, PlateRead>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final SureStateSerializer SERIALIZER = new SureStateSerializer();
    private static final String SURE_STATE = "sure-reads";

    private final RecognizerConfig config;
    private final ModelDirectory models;
    private final BatchingConfig batching;
    private final ReadingPolicy policy;
    private final SureReadsConfig sure;
    private final TrackerConfig tracker;

    private transient Counter readable;
    private transient Counter unreadable;
    private transient Counter skipped;
    private transient CameraStates<SureState> sureState;
    private transient SharedResources.Lease<SureCameras> sureCameras;
    /** Per camera; touched by the task thread only. */
    private transient Map<String, FrameGate> gates;

    /** With the default reading policy (Russian formats) and sure plates read every 5th frame. */
    public RecognizePlates(RecognizerConfig config, ModelDirectory models, BatchingConfig batching) {
        this(config, models, batching, ReadingPolicy.DEFAULTS, SureReadsConfig.DEFAULTS, TrackerConfig.DEFAULTS);
    }

    /** @param tracker follows plates across frames for {@code sure} as the passage tracker does */
    public RecognizePlates(RecognizerConfig config, ModelDirectory models, BatchingConfig batching,
            ReadingPolicy policy, SureReadsConfig sure, TrackerConfig tracker) {
        this.config = config;
        this.models = models;
        this.batching = batching;
        this.policy = policy;
        this.sure = sure;
        this.tracker = tracker;
    }

    @Override
    String modelKey() {
        return "recognizer|" + models + "|" + config.stnFile() + "|" + config.lprnetFile() + "|" + config.device();
    }

    /** The key of the process's sure reads: by their settings too, so two jobs never share a camera's. */
    private String sureKey() {
        return modelKey() + "|sure|" + sure + "|" + tracker + "|" + batching.capacity();
    }

    private SureCameras newSureCameras() {
        // A camera keeps the decisions of as many frames as the async operator can hold at a checkpoint and replay.
        return new SureCameras(sure, tracker, batching.capacity());
    }

    @Override
    InferenceService<PlateCandidate, PlateRead> startService() {
        RecognizerModel model = RecognizerModel.load(config, models);
        return new InferenceService<>(model, new MicroBatcher<>("lpr-recognize", batching.workers(),
                batching.maxBatch(), batching.maxDelay(), () -> new PlateReader(model.newRecognizer(policy))));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        sureState = new CameraStates<>(SURE_STATE, SERIALIZER, SureState::cameraId, SureState::isNewerThan, context,
                getRuntimeContext());
    }

    @Override
    public void open(OpenContext context) {
        super.open(context);
        gates = new HashMap<>();
        sureCameras = SharedResources.acquire(sureKey(), this::newSureCameras);
        // Before the crops of the operator's queue are replayed (the async operator does that after this).
        if (sureState != null) {
            sureCameras.get().restore(sureState.restoredFrom(), sureState.restored());
        }
    }

    @Override
    public void asyncInvoke(PlateCandidate candidate, ResultFuture<PlateRead> result) {
        sureState.seen(candidate.cameraId);
        super.asyncInvoke(candidate, result);
    }

    @Override
    CompletableFuture<PlateRead> answer(PlateCandidate c) {
        if (!sure.enabled()) {
            return super.answer(c);
        }
        SureReads camera = sureCameras.get().of(c.cameraId);
        return gates.computeIfAbsent(c.cameraId, k -> new FrameGate()).next(c.frameSequence, () -> {
            if (camera.decide(c.frameSequence, c.eventTime, c.box) == SureReads.Decision.SKIP) {
                return CompletableFuture.completedFuture(PlateRead.skipped(c));
            }
            // A read that failed makes the plate unsure, as an unreadable one does.
            return super.answer(c).whenComplete((read, error) -> camera.observe(c.frameSequence, c.eventTime, c.box,
                    read == null ? null : read.text, read == null ? 0f : read.confidence));
        });
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        // None where the camera's first crop is still waiting for its turn.
        sureState.snapshot(sureCameras.get()::snapshot, getRuntimeContext());
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            if (sureCameras != null) {
                sureCameras.close();
            }
        }
    }

    @Override
    BatchingConfig batching() {
        return batching;
    }

    @Override
    void registerMetrics(MetricGroup metrics) {
        readable = metrics.counter("platesRead");
        unreadable = metrics.counter("platesUnreadable");
        skipped = metrics.counter("platesSkipped");
    }

    @Override
    Collection<PlateRead> outputs(PlateRead read) {
        (read.skipped ? skipped : read.readable() ? readable : unreadable).inc();
        return List.of(read);
    }
}
