package io.lpr.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Orders one camera's crops for decisions that depend on what earlier frames read ({@code io.lpr.recognize.SureReads}):
 * a crop of a frame is decided once every crop of the camera's earlier frames is done (read and observed, or failed),
 * and after the crops of its own frame that came before it. A decision only starts the read, so the crops of a frame
 * still batch together, and cameras with each other. Called by the task thread only; the work it chains may run on
 * any thread.
 */
final class FrameGate {
    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);

    private long frame = Long.MIN_VALUE;
    /** Done once every crop of the frames before {@link #frame} is. */
    private CompletableFuture<Void> earlierFramesDone = OPEN;
    /** Done once the last crop of {@link #frame} so far is decided. */
    private CompletableFuture<Void> lastDecided = OPEN;
    /** The crops of {@link #frame} so far, each done when its read is, failed or not. */
    private List<CompletableFuture<?>> thisFrame = new ArrayList<>();

    /**
     * Runs {@code decideAndRead} for a crop of frame {@code sequence} when its turn comes; it decides at once and
     * answers the read, done when the read is observed.
     */
    <R> CompletableFuture<R> next(long sequence, Supplier<CompletableFuture<R>> decideAndRead) {
        if (sequence != frame) {
            thisFrame.add(earlierFramesDone);
            earlierFramesDone = CompletableFuture.allOf(thisFrame.toArray(CompletableFuture[]::new));
            lastDecided = earlierFramesDone;
            thisFrame = new ArrayList<>();
            frame = sequence;
        }
        CompletableFuture<CompletableFuture<R>> decided = lastDecided.thenApply(ready -> decideAndRead.get());
        // A decision that failed must not stop the camera's later crops: they wait for it to end, not to succeed.
        lastDecided = decided.handle((read, error) -> null);
        CompletableFuture<R> read = decided.thenCompose(r -> r);
        thisFrame.add(read.handle((answer, error) -> null));
        return read;
    }
}
