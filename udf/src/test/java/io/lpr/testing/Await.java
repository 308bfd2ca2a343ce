package io.lpr.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition the test can observe (a frame count, a metric, a status row) instead of sleeping a
 * fixed time. The limit is only a guard against hanging: generous, never what a test asserts.
 */
public final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {}

    /** @throws AssertionError naming {@code what} and the {@code state} when the limit passes first */
    public static void until(BooleanSupplier condition, Duration limit, String what, Supplier<?> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what + " (" + state.get() + ")");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    public static void until(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        until(condition, limit, what, () -> "");
    }
}
