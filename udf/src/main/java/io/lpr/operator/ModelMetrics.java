package io.lpr.operator;

import io.lpr.runtime.BatchStats;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * A model's batching metrics, group {@code model}: {@code batches}, {@code requests}, {@code queueWaitMillis},
 * {@code forwardMillis} (running totals) and {@code lastBatchSize}. The model and its queue are shared by the
 * operator's subtasks in one TaskManager, so each subtask reports the same TaskManager-wide totals: aggregate
 * with {@code max by (tm_id, operator_name)} before summing over TaskManagers.
 */
final class ModelMetrics {
    private ModelMetrics() {}

    static void register(MetricGroup operator, BatchStats stats) {
        MetricGroup model = operator.addGroup("model");
        model.gauge("batches", (Gauge<Long>) stats::batches);
        model.gauge("requests", (Gauge<Long>) stats::requests);
        model.gauge("queueWaitMillis", (Gauge<Long>) stats::queueWaitMillis);
        model.gauge("forwardMillis", (Gauge<Long>) stats::forwardMillis);
        model.gauge("lastBatchSize", (Gauge<Integer>) stats::lastBatchSize);
    }
}
