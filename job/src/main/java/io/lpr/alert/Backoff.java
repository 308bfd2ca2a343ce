package io.lpr.alert;

import java.time.Duration;

/** Waits between tries of something that fails: the first, then twice as long each time, up to a maximum. */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first.compareTo(max) > 0 ? max : first;
    }

    /** The wait before the next try; the one after it is twice as long, capped. */
    public Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** After a success: the next failure waits the first wait again. */
    public void reset() {
        next = first.compareTo(max) > 0 ? max : first;
    }
}
