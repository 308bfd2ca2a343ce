package io.lpr.operator;

import io.lpr.runtime.SharedResources;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An async operator in front of a model shared by the whole process: requests go to the model's batching
 * queue off the task thread. A request that fails or times out is counted and dropped, so one bad frame
 * or crop never stops a camera, let alone the job.
 *
 * @param <I> what comes in
 * @param <R> what the model answers for one input
 * @param <O> what goes out, zero or more per input
 */
abstract class InferenceFunction<I, R, O> extends RichAsyncFunction<I, O> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(InferenceFunction.class);

    private transient SharedResources.Lease<InferenceService<I, R>> service;
    private transient Counter failures;

    /** Identifies the model: subtasks of the process asking for the same key share one. */
    abstract String modelKey();

    /** Loads the model and starts its queue; runs once per process and key. */
    abstract InferenceService<I, R> startService();

    abstract void registerMetrics(MetricGroup metrics);

    abstract Collection<O> outputs(R result);

    @Override
    public void open(OpenContext context) {
        service = SharedResources.acquire(modelKey(), this::startService);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        failures = metrics.counter("failures");
        registerMetrics(metrics);
        ModelMetrics.register(metrics, service.get().stats());
    }

    @Override
    public void asyncInvoke(I input, ResultFuture<O> result) {
        service.get().submit(input).whenComplete((answer, error) -> {
            if (error != null) {
                failures.inc();
                LOG.warn("{} failed on {}: {}", getClass().getSimpleName(), input, error.toString());
                result.complete(List.of());
            } else {
                result.complete(outputs(answer));
            }
        });
    }

    @Override
    public void timeout(I input, ResultFuture<O> result) {
        failures.inc();
        LOG.warn("{} timed out on {}", getClass().getSimpleName(), input);
        result.complete(List.of());
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
