package io.lpr.operator;

import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.model.ModelDirectory;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.recognize.RecognizerModel;
import io.lpr.runtime.MicroBatcher;
import io.lpr.runtime.SharedResources;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads plate text off the task thread. Crops from every camera and subtask of the process meet in one
 * batching queue, so the model sees full batches even when each camera sends a plate at a time.
 */
public class RecognizePlates extends RichAsyncFunction<PlateCandidate, PlateRead> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecognizePlates.class);

    private final RecognizerConfig config;
    private final ModelDirectory models;
    private final BatchingConfig batching;

    private transient SharedResources.Lease<InferenceService<PlateCandidate, PlateRead>> service;
    private transient Counter readable;
    private transient Counter unreadable;
    private transient Counter failures;

    public RecognizePlates(RecognizerConfig config, ModelDirectory models, BatchingConfig batching) {
        this.config = config;
        this.models = models;
        this.batching = batching;
    }

    @Override
    public void open(OpenContext context) {
        String key = "recognizer|" + models + "|" + config.stnFile() + "|" + config.lprnetFile() + "|" + config.device();
        service = SharedResources.acquire(key, () -> {
            RecognizerModel model = RecognizerModel.load(config, models);
            return new InferenceService<>(model, new MicroBatcher<>("lpr-recognize", batching.workers,
                    batching.maxBatch, batching.maxDelay(), () -> new PlateReader(model.newRecognizer())));
        });
        var metrics = getRuntimeContext().getMetricGroup();
        readable = metrics.counter("platesRead");
        unreadable = metrics.counter("platesUnreadable");
        failures = metrics.counter("recognitionFailures");
    }

    @Override
    public void asyncInvoke(PlateCandidate candidate, ResultFuture<PlateRead> result) {
        service.get().submit(candidate).whenComplete((read, error) -> {
            if (error != null) {
                failures.inc();
                LOG.warn("recognition failed on {}: {}", candidate, error.toString());
                result.complete(List.of());
                return;
            }
            (read.readable() ? readable : unreadable).inc();
            result.complete(List.of(read));
        });
    }

    @Override
    public void timeout(PlateCandidate candidate, ResultFuture<PlateRead> result) {
        failures.inc();
        LOG.warn("recognition timed out on {}", candidate);
        result.complete(List.of());
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
