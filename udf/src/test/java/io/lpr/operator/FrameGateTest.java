package io.lpr.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A camera's crops decided in order: a frame's after every read of the earlier frames, its own in arrival order. */
class FrameGateTest {
    private final FrameGate gate = new FrameGate();
    private final List<String> decided = new ArrayList<>();

    /** A crop whose read is answered when {@code read} completes. */
    private CompletableFuture<String> crop(long frame, String name, CompletableFuture<String> read) {
        return gate.next(frame, () -> {
            decided.add(name);
            return read;
        });
    }

    @Test
    void aFrameIsDecidedOnceEveryReadOfTheEarlierFramesIsDone() {
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        crop(1, "1a", a);
        crop(1, "1b", b);
        assertThat(decided).as("the frame's crops are decided at once, so they batch together").containsExactly("1a", "1b");

        CompletableFuture<String> next = crop(2, "2a", CompletableFuture.completedFuture("read 2a"));
        crop(2, "2b", CompletableFuture.completedFuture("read 2b"));
        a.complete("read 1a");
        assertThat(decided).as("frame 1 still has a read out").containsExactly("1a", "1b");
        b.completeExceptionally(new IllegalStateException("the model failed"));
        assertThat(decided).as("a failed read is done too").containsExactly("1a", "1b", "2a", "2b");
        assertThat(next).isCompletedWithValue("read 2a");
    }

    @Test
    void aDecisionThatFailsFailsItsReadAndStopsNothingElse() {
        CompletableFuture<String> failed = gate.next(1, () -> {
            throw new IllegalStateException("no decision");
        });
        CompletableFuture<String> sameFrame = crop(1, "1b", CompletableFuture.completedFuture("read 1b"));
        CompletableFuture<String> nextFrame = crop(2, "2a", CompletableFuture.completedFuture("read 2a"));

        assertThat(failed).isCompletedExceptionally();
        assertThat(sameFrame).isCompletedWithValue("read 1b");
        assertThat(nextFrame).isCompletedWithValue("read 2a");
    }
}
