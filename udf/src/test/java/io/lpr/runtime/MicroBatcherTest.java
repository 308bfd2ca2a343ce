package io.lpr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

    @Test
    void requestsArrivingTogetherShareABatchAndKeepTheirOrder() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("test", 1, 8, Duration.ofMillis(200),
                () -> batch -> {
                    started.countDown();
                    batchSizes.add(batch.size());
                    return batch.stream().map(i -> i * 10).toList();
                })) {
            List<Integer> results = batcher.submitAll(IntStream.range(0, 20).boxed().toList()).get(10, TimeUnit.SECONDS);

            assertThat(results).isEqualTo(IntStream.range(0, 20).map(i -> i * 10).boxed().toList());
            assertThat(batchSizes).allMatch(size -> size <= 8);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
            assertThat(batchSizes).contains(8);
        }
    }

    @Test
    void aLoneRequestRunsAfterTheDelayWithoutWaitingForMore() throws Exception {
        try (MicroBatcher<String, String> batcher = new MicroBatcher<>("test", 1, 32, Duration.ofMillis(10),
                () -> batch -> batch.stream().map(String::toUpperCase).toList())) {
            assertThat(batcher.submit("a").get(5, TimeUnit.SECONDS)).isEqualTo("A");
        }
    }

    /** A caller (lpr serve's, say) must not wait a long max-delay out when the batcher closes under it. */
    @Test
    void aCloseRunsTheBatchInHandWithoutWaitingForItsDelay() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CompletableFuture<String> answer;
        try (MicroBatcher<String, String> batcher = new MicroBatcher<>("test", 1, 32, Duration.ofDays(1),
                () -> batch -> batch.stream().map(String::toUpperCase).toList())) {
            answer = batcher.submit("a");
            answer.whenComplete((r, e) -> taken.countDown());
            assertThat(answer).as("waiting for its batch to fill").isNotDone();
        }
        assertThat(taken.await(30, TimeUnit.SECONDS)).as("answered on close, not after its day of delay").isTrue();
        if (!answer.isCompletedExceptionally()) { // else closed before a worker took it: failed, as documented
            assertThat(answer.get()).isEqualTo("A");
        }
    }

    @Test
    void aFailingBatchFailsOnlyItsOwnRequests() throws Exception {
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("test", 1, 1, Duration.ZERO,
                () -> batch -> {
                    if (batch.get(0) < 0) {
                        throw new IllegalStateException("bad input " + batch.get(0));
                    }
                    return batch;
                })) {
            CompletableFuture<Integer> bad = batcher.submit(-1);
            CompletableFuture<Integer> good = batcher.submit(7);
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("bad input -1");
            assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(7);
        }
    }

    @Test
    void aWorkerThatCannotStartFailsEveryRequest() {
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("test", 1, 1, Duration.ZERO, () -> {
            throw new IllegalStateException("no predictor");
        })) {
            assertThatThrownBy(() -> batcher.submit(1).get(5, TimeUnit.SECONDS)).hasMessageContaining("no predictor");
        }
    }

    @Test
    void eachWorkerHasItsOwnFunction() throws Exception {
        List<Thread> owners = new CopyOnWriteArrayList<>();
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("test", 2, 1, Duration.ZERO, () -> {
            Thread owner = Thread.currentThread();
            owners.add(owner);
            return batch -> {
                assertThat(Thread.currentThread()).isSameAs(owner);
                return batch;
            };
        })) {
            batcher.submitAll(List.of(1, 2, 3, 4)).get(5, TimeUnit.SECONDS);
        }
        assertThat(owners).hasSize(2).doesNotHaveDuplicates();
    }
}
