package io.lpr.operator;

import io.lpr.runtime.MicroBatcher;
import java.util.concurrent.CompletableFuture;

/** A loaded model and the batching queue in front of it, shared by all subtasks of a process. */
final class InferenceService<I, O> implements AutoCloseable {
    private final AutoCloseable model;
    private final MicroBatcher<I, O> batcher;

    InferenceService(AutoCloseable model, MicroBatcher<I, O> batcher) {
        this.model = model;
        this.batcher = batcher;
    }

    io.lpr.runtime.BatchStats stats() {
        return batcher.stats();
    }

    CompletableFuture<O> submit(I input) {
        return batcher.submit(input);
    }

    @Override
    public void close() throws Exception {
        try (model) {
            batcher.close();
        }
    }
}
