package io.lpr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The batcher's totals match what its model saw: batches, requests, and at least the time the model took. */
class BatchStatsTest {
    @Test
    void countsBatchesRequestsAndModelTime() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("test", 1, 4, Duration.ofMillis(50),
                () -> batch -> {
                    sizes.add(batch.size());
                    Thread.sleep(20); // the "model"
                    return batch;
                })) {
            batcher.submitAll(IntStream.range(0, 10).boxed().toList()).get(10, TimeUnit.SECONDS);
            BatchStats stats = batcher.stats();
            assertThat(stats.batches()).isEqualTo(sizes.size());
            assertThat(stats.requests()).isEqualTo(10);
            assertThat(stats.forwardMillis()).isGreaterThanOrEqualTo(20L * sizes.size());
            assertThat(stats.lastBatchSize()).isEqualTo(sizes.get(sizes.size() - 1));
            // Requests behind the first batch waited at least for it.
            assertThat(stats.queueWaitMillis()).isGreaterThanOrEqualTo(20);
        }
    }
}
