package io.lpr.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of a {@link MicroBatcher}: batches run, requests in them, time requests waited in the queue and
 * time the model took. Totals, so that a monitoring system derives rates and means over any window (mean batch
 * size = requests / batches; mean queue wait = wait / requests; mean forward time = forward / batches).
 */
public final class BatchStats {
    private final LongAdder batches = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder queueWaitNanos = new LongAdder();
    private final LongAdder forwardNanos = new LongAdder();
    private final AtomicInteger lastBatchSize = new AtomicInteger();

    void record(int size, long waitNanos, long forward) {
        batches.increment();
        requests.add(size);
        queueWaitNanos.add(waitNanos);
        forwardNanos.add(forward);
        lastBatchSize.set(size);
    }

    public long batches() {
        return batches.sum();
    }

    public long requests() {
        return requests.sum();
    }

    public long queueWaitMillis() {
        return queueWaitNanos.sum() / 1_000_000;
    }

    public long forwardMillis() {
        return forwardNanos.sum() / 1_000_000;
    }

    public int lastBatchSize() {
        return lastBatchSize.get();
    }
}
