package io.lpr.operator;

import io.lpr.runtime.BatchingConfig;
import io.lpr.pipeline.InferenceService;
import io.lpr.pipeline.PlateReader;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.model.ModelDirectory;
import io.lpr.recognize.ReadingPolicy;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.recognize.RecognizerModel;
import io.lpr.runtime.MicroBatcher;
import java.util.Collection;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Reads plate text off the task thread. Crops from every camera and subtask of the process meet in one
 * batching queue, so the model sees full batches even when each camera sends a plate at a time.
 */
public class RecognizePlates extends InferenceFunction<PlateCandidate, PlateRead, PlateRead> {
    private static final long serialVersionUID = 1L;

    private final RecognizerConfig config;
    private final ModelDirectory models;
    private final BatchingConfig batching;
    private final ReadingPolicy policy;

    private transient Counter readable;
    private transient Counter unreadable;

    /** With the default reading policy (Russian formats). */
    public RecognizePlates(RecognizerConfig config, ModelDirectory models, BatchingConfig batching) {
        this(config, models, batching, ReadingPolicy.DEFAULTS);
    }

    public RecognizePlates(RecognizerConfig config, ModelDirectory models, BatchingConfig batching,
            ReadingPolicy policy) {
        this.config = config;
        this.models = models;
        this.batching = batching;
        this.policy = policy;
    }

    @Override
    String modelKey() {
        return "recognizer|" + models + "|" + config.stnFile() + "|" + config.lprnetFile() + "|" + config.device();
    }

    @Override
    InferenceService<PlateCandidate, PlateRead> startService() {
        RecognizerModel model = RecognizerModel.load(config, models);
        return new InferenceService<>(model, new MicroBatcher<>("lpr-recognize", batching.workers(),
                batching.maxBatch(), batching.maxDelay(), () -> new PlateReader(model.newRecognizer(policy))));
    }

    @Override
    BatchingConfig batching() {
        return batching;
    }

    @Override
    void registerMetrics(MetricGroup metrics) {
        readable = metrics.counter("platesRead");
        unreadable = metrics.counter("platesUnreadable");
    }

    @Override
    Collection<PlateRead> outputs(PlateRead read) {
        (read.readable() ? readable : unreadable).inc();
        return List.of(read);
    }
}
