package io.lpr.source.reader;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What other threads tell a camera's fetcher thread: wake up (Flink's fetcher has a task), stop the
 * camera, pause or resume it (watermark alignment), and, from a live stream's thread, a new picture or
 * a change of state. Each is a flag; a semaphore wakes whatever wait the fetcher is in.
 */
final class ReaderSignals {
    private final AtomicBoolean wokenUp = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean picture = new AtomicBoolean();
    private final AtomicBoolean status = new AtomicBoolean();
    private final Semaphore changes = new Semaphore(0);

    void wakeUp() {
        raise(wokenUp);
    }

    void stop() {
        raise(stopRequested);
    }

    void paused(boolean on) {
        paused.set(on);
        changes.release();
    }

    void pictureReady() {
        raise(picture);
    }

    void statusChanged() {
        raise(status);
    }

    /** At the start of a fetch: forgets older wake-ups; true once when a stop was asked for. */
    boolean beginFetch() {
        wokenUp.set(false);
        return stopRequested.getAndSet(false);
    }

    boolean isPaused() {
        return paused.get();
    }

    boolean isWokenUp() {
        return wokenUp.get();
    }

    /** Waits until the wall-clock time {@code until}; false when woken up or stopped before. */
    boolean sleepUntil(long until) {
        while (!interrupted()) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return true;
            }
            if (!acquire(left)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Waits for a live stream's next picture until {@code until}.
     *
     * @return true when a picture came; false on timeout, wake-up, stop, or a change of state (the fetch
     *     then returns, so the reader forwards the change without delay)
     */
    boolean awaitPicture(long until) {
        while (!picture.get() && !status.get() && !interrupted()) {
            long left = until - System.currentTimeMillis();
            if (left <= 0 || !acquire(left)) {
                break;
            }
        }
        boolean came = picture.getAndSet(false);
        boolean changed = status.getAndSet(false);
        return came && !changed && !interrupted();
    }

    private boolean interrupted() {
        return wokenUp.get() || stopRequested.get();
    }

    private void raise(AtomicBoolean flag) {
        flag.set(true);
        changes.release();
    }

    /** Waits for any signal up to {@code millis}; false when the thread was interrupted. */
    private boolean acquire(long millis) {
        try {
            changes.tryAcquire(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
