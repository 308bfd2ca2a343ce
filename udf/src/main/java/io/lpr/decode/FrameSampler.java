package io.lpr.decode;

/**
 * Which frames are analysed at a sample rate: the first frame of each 1/sampleFps slot of a clock,
 * counted from the first frame, so the first frame is kept and the next one 1/sampleFps after it.
 * Pure arithmetic, no FFmpeg.
 */
public final class FrameSampler {
    /** Timestamps this close below a slot boundary count as on it (rounding in the container). */
    static final long SLOT_TOLERANCE_MICROS = 1000;

    private final double sampleFps;
    private long origin = Long.MIN_VALUE;
    private long lastKeptSlot = Long.MIN_VALUE;

    /** @param sampleFps frames kept per second of the clock; 0 keeps every frame */
    public FrameSampler(double sampleFps) {
        if (sampleFps < 0) {
            throw new IllegalArgumentException("sample rate must be >= 0, got " + sampleFps);
        }
        this.sampleFps = sampleFps;
    }

    /** @param clockMicros the frame's time on the sampling clock, never decreasing */
    public boolean keep(long clockMicros) {
        if (sampleFps == 0) {
            return true;
        }
        if (origin == Long.MIN_VALUE) {
            origin = clockMicros;
        }
        long slot = (long) Math.floor((clockMicros - origin + SLOT_TOLERANCE_MICROS) * sampleFps / 1e6);
        if (slot <= lastKeptSlot) {
            return false;
        }
        lastKeptSlot = slot;
        return true;
    }
}
