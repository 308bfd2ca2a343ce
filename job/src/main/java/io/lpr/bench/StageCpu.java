package io.lpr.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU time per pipeline stage, from one CPU clock read before and after each stage's work. The bench's clock is the
 * process's CPU time (all threads, native ones included): ONNX Runtime's and PyTorch's intra-op pools and FFmpeg's
 * decoding threads are not the calling Java thread, so a thread clock would miss them. That is only right while
 * one stage runs at a time, which is how the bench runs them (one thread, one step after the other).
 */
final class StageCpu {
    /** The stages, in the order a frame passes them. */
    enum Stage {
        DECODE("decode"), GUIDE("guide"), DETECTOR("detector"), RECOGNISER("recogniser");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    private final LongSupplier clockNanos;
    private final Map<Stage, Long> nanos = new EnumMap<>(Stage.class);

    StageCpu(LongSupplier clockNanos) {
        this.clockNanos = clockNanos;
        for (Stage s : Stage.values()) {
            nanos.put(s, 0L);
        }
    }

    /**
     * The process's CPU clock. The JDK reads it with times(2), in clock ticks (10 ms on Linux): one reading is
     * coarse, but a difference of two is right on average, so totals over many frames are.
     */
    static StageCpu ofProcess() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new StageCpu(os::getProcessCpuTime);
    }

    /** The clock now: pass it to {@link #stop}. */
    long start() {
        return clockNanos.getAsLong();
    }

    /** Adds the CPU time since {@code start} to the stage; returns the clock now, the next stage's start. */
    long stop(Stage stage, long start) {
        long now = clockNanos.getAsLong();
        nanos.merge(stage, Math.max(0, now - start), Long::sum);
        return now;
    }

    /** Moves CPU time that {@code from}'s span included but belongs to {@code to} (a stage timed inside another). */
    void move(Stage from, Stage to, long amountNanos) {
        long moved = Math.min(amountNanos, nanos.get(from));
        nanos.merge(from, -moved, Long::sum);
        nanos.merge(to, moved, Long::sum);
    }

    long nanos(Stage stage) {
        return nanos.get(stage);
    }

    long totalNanos() {
        return nanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU milliseconds of the stage per item (per analysed frame, per second of video). */
    double msPer(Stage stage, double items) {
        return nanos.get(stage) / 1e6 / items;
    }

    double totalMsPer(double items) {
        return totalNanos() / 1e6 / items;
    }
}
