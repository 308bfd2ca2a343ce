package io.lpr.operator;

import io.lpr.runtime.BatchingConfig;
import io.lpr.pipeline.InferenceService;
import io.lpr.model.ModelException;
import io.lpr.runtime.SharedResources;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An async operator in front of a model shared by the whole process: requests go to the model's batching
 * queue off the task thread. A request that fails or times out is logged, counted ({@code failures}) and
 * dropped, so one bad frame or crop never stops a camera. A model that fails every request, though, must not
 * leave a job that silently produces nothing: {@link BatchingConfig#maxConsecutiveFailures()} failures in a
 * row, none answered in between, fail the job with the model's last error (Flink's restart strategy then
 * decides; a model broken for good keeps failing it, loudly).
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
    private transient AtomicInteger failuresInARow;

    /** Identifies the model: subtasks of the process asking for the same key share one. */
    abstract String modelKey();

    /** Loads the model and starts its queue; runs once per process and key. */
    abstract InferenceService<I, R> startService();

    abstract void registerMetrics(MetricGroup metrics);

    abstract Collection<O> outputs(R result);

    abstract BatchingConfig batching();

    @Override
    public void open(OpenContext context) {
        service = SharedResources.acquire(modelKey(), this::startService);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        failures = metrics.counter("failures");
        failuresInARow = new AtomicInteger();
        registerMetrics(metrics);
        ModelMetrics.register(metrics, service.get().stats());
    }

    /** The model's answer to one input: by default the input goes straight into the model's queue. */
    CompletableFuture<R> answer(I input) {
        return service.get().submit(input);
    }

    @Override
    public void asyncInvoke(I input, ResultFuture<O> result) {
        answer(input).whenComplete((answer, error) -> {
            if (error != null) {
                failed(input, result, error.toString(), error);
            } else {
                failuresInARow.set(0);
                result.complete(outputs(answer));
            }
        });
    }

    @Override
    public void timeout(I input, ResultFuture<O> result) {
        failed(input, result, "no answer within " + batching().timeout(), null);
    }

    private void failed(I input, ResultFuture<O> result, String why, Throwable cause) {
        failures.inc();
        int inARow = failuresInARow.incrementAndGet();
        if (inARow >= batching().maxConsecutiveFailures()) {
            result.completeExceptionally(new ModelException(getClass().getSimpleName() + ": " + inARow
                    + " requests in a row failed, the model looks broken; the last: " + why, cause));
            return;
        }
        LOG.warn("{} failed on {}: {}", getClass().getSimpleName(), input, why);
        result.complete(List.of());
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
