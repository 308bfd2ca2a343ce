package io.lpr.operator;

import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.model.ModelDirectory;
import io.lpr.runtime.MicroBatcher;
import io.lpr.runtime.SharedResources;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds plates in frames off the task thread; emits a candidate (with its crop) per plate found. */
public class DetectPlates extends RichAsyncFunction<Frame, PlateCandidate> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DetectPlates.class);

    private final DetectorConfig config;
    private final ModelDirectory models;
    private final BatchingConfig batching;

    private transient SharedResources.Lease<InferenceService<Frame, List<PlateCandidate>>> service;
    private transient Counter frames;
    private transient Counter plates;
    private transient Counter failures;

    public DetectPlates(DetectorConfig config, ModelDirectory models, BatchingConfig batching) {
        this.config = config;
        this.models = models;
        this.batching = batching;
    }

    @Override
    public void open(OpenContext context) {
        String key = "detector|" + models + "|" + config.modelFile + "|" + config.device;
        service = SharedResources.acquire(key, () -> {
            DetectorModel model = DetectorModel.load(config, models);
            // A frame's tiles are already one batch, so frames are not batched together.
            return new InferenceService<>(model, new MicroBatcher<>(
                    "lpr-detect", batching.workers, 1, Duration.ZERO, () -> new PlateFinder(model.newDetector())));
        });
        var metrics = getRuntimeContext().getMetricGroup();
        frames = metrics.counter("framesDetected");
        plates = metrics.counter("platesDetected");
        failures = metrics.counter("detectionFailures");
    }

    @Override
    public void asyncInvoke(Frame frame, ResultFuture<PlateCandidate> result) {
        service.get().submit(frame).whenComplete((candidates, error) -> {
            frames.inc();
            if (error != null) {
                // One bad frame must not stop the camera: count it, say why once per failure, go on.
                failures.inc();
                LOG.warn("detection failed on {}: {}", frame, error.toString());
                result.complete(List.of());
            } else {
                plates.inc(candidates.size());
                result.complete(candidates);
            }
        });
    }

    @Override
    public void timeout(Frame frame, ResultFuture<PlateCandidate> result) {
        failures.inc();
        LOG.warn("detection timed out on {}", frame);
        result.complete(List.of());
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
