package io.lpr.pipeline;

import io.lpr.runtime.MicroBatcher;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A loaded model and the batching queue in front of it, shared by all subtasks of a process. */
public final class InferenceService<I, O> implements AutoCloseable {
    private final AutoCloseable model;
    private final MicroBatcher<I, O> batcher;

    public InferenceService(AutoCloseable model, MicroBatcher<I, O> batcher) {
        this.model = model;
        this.batcher = batcher;
    }

    public io.lpr.runtime.BatchStats stats() {
        return batcher.stats();
    }

    public CompletableFuture<O> submit(I input) {
        return batcher.submit(input);
    }

    /** Each input as its own request, so they may share batches with other callers' (see {@link MicroBatcher}). */
    public CompletableFuture<List<O>> submitAll(List<I> inputs) {
        return batcher.submitAll(inputs);
    }

    @Override
    public void close() throws Exception {
        try (model) {
            batcher.close();
        }
    }
}
