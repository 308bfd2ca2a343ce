package io.lpr.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects single requests from any number of callers into batches for a model: a batch runs when
 * {@code maxBatch} requests are waiting or the oldest has waited {@code maxDelay}. Each worker thread owns
 * its own {@link BatchFunction} (and so its own model predictor), so callers from many cameras and
 * operator subtasks share the accelerator without sharing a predictor.
 */
public final class MicroBatcher<I, O> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);
    private static final long CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Runs one batch; results are in the order of the inputs. Owned by one worker thread. */
    public interface BatchFunction<I, O> extends AutoCloseable {
        List<O> apply(List<I> batch) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    private record Request<I, O>(I input, CompletableFuture<O> result, long enqueuedNanos) {}

    private final BlockingQueue<Request<I, O>> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final long maxDelayNanos;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;
    private volatile RuntimeException broken;
    private final BatchStats stats = new BatchStats();

    public MicroBatcher(
            String name, int workers, int maxBatch, Duration maxDelay, Supplier<BatchFunction<I, O>> functions) {
        if (workers < 1 || maxBatch < 1 || maxDelay.isNegative()) {
            throw new IllegalArgumentException(
                    name + ": workers and batch size must be >= 1 and the delay >= 0");
        }
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(() -> work(functions), name + "-" + i);
            thread.setDaemon(true);
            this.workers.add(thread);
            thread.start();
        }
    }

    public CompletableFuture<O> submit(I input) {
        CompletableFuture<O> result = new CompletableFuture<>();
        if (broken != null || !running) {
            result.completeExceptionally(broken != null ? broken : new IllegalStateException("batcher is closed"));
            return result;
        }
        queue.add(new Request<>(input, result, System.nanoTime()));
        return result;
    }

    public CompletableFuture<List<O>> submitAll(List<I> inputs) {
        List<CompletableFuture<O>> futures = inputs.stream().map(this::submit).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    private void work(Supplier<BatchFunction<I, O>> functions) {
        BatchFunction<I, O> function;
        try {
            function = functions.get();
        } catch (RuntimeException e) {
            failAll(e);
            return;
        }
        try (function) {
            List<Request<I, O>> batch = new ArrayList<>(maxBatch);
            while (running) {
                Request<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxDelayNanos;
                // Waits for more in short steps, so that a close runs the batch in hand at once, not after maxDelay.
                while (batch.size() < maxBatch && running) {
                    long left = deadline - System.nanoTime();
                    Request<I, O> next = left > 0 ? queue.poll(Math.min(left, CLOSE_CHECK_NANOS), TimeUnit.NANOSECONDS)
                            : queue.poll();
                    if (next != null) {
                        batch.add(next);
                    } else if (deadline - System.nanoTime() <= 0) {
                        break;
                    }
                }
                run(function, batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("closing a batch worker failed: {}", e.toString());
        }
    }

    /** Batches, requests, queue wait and model time so far: what the operators report as metrics. */
    public BatchStats stats() {
        return stats;
    }

    private void run(BatchFunction<I, O> function, List<Request<I, O>> batch) {
        long start = System.nanoTime();
        long waited = batch.stream().mapToLong(r -> start - r.enqueuedNanos()).sum();
        try {
            List<O> outputs = function.apply(batch.stream().map(Request::input).toList());
            stats.record(batch.size(), waited, System.nanoTime() - start);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outputs.get(i));
            }
        } catch (Throwable e) {
            batch.forEach(r -> r.result().completeExceptionally(e));
        }
    }

    /** A worker that cannot even start (no predictor) fails what is waiting and all that comes later. */
    private void failAll(RuntimeException e) {
        broken = e;
        Request<I, O> r;
        while ((r = queue.poll()) != null) {
            r.result().completeExceptionally(e);
        }
        LOG.error("batch worker could not start: {}", e.getMessage());
    }

    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Request<I, O> r;
        while ((r = queue.poll()) != null) {
            r.result().completeExceptionally(new IllegalStateException("batcher closed"));
        }
    }
}
