package io.lpr.decode;

/**
 * Event time for one camera's frames, from their stream timestamps: pure arithmetic, no FFmpeg.
 *
 * <p>A file frame's event time is the camera's base epoch plus its timestamp in the file. A live
 * frame takes its time from the stream clock (its RTP / container timestamps, anchored to the
 * arrival of the first frame) while that clock is sane: moving forward and within
 * {@link #TOLERANCE_MILLIS} of the arrival time. Otherwise the frame gets its arrival time and the
 * clock is anchored afresh there, so a camera whose clock jumps is back on its own clock from the
 * next frame. Event times of one live camera always increase, across reconnects too (a new clock
 * starts from the last event time of the old one). Broken files can repeat or lack timestamps;
 * their timestamps are made to move forward by one frame interval.
 */
public final class FrameClock {
    /** How far a live frame's stream clock may stray from its arrival time and still be trusted. */
    public static final long TOLERANCE_MILLIS = 10_000;
    /** Stream clocks that report no usable frame rate step by this much (25 fps). */
    static final long DEFAULT_INTERVAL_MICROS = 40_000;

    private final boolean live;
    private final long baseEpochMillis;
    private final long frameIntervalMicros;
    private long lastTimestamp = Long.MIN_VALUE;
    /** Live: epoch milliseconds of stream time 0, or MIN_VALUE before the first frame. */
    private long anchor = Long.MIN_VALUE;
    private long lastEventTime;
    private boolean reanchored;
    private long samplingMicros;

    private FrameClock(boolean live, long baseEpochMillis, double frameRate, long lastEventTime) {
        this.live = live;
        this.baseEpochMillis = baseEpochMillis;
        // Live streams probed briefly report their 90 kHz clock as the frame rate.
        this.frameIntervalMicros = frameRate > 0 && frameRate <= 1000
                ? Math.round(1_000_000 / frameRate) : DEFAULT_INTERVAL_MICROS;
        this.lastEventTime = lastEventTime;
    }

    /** A file's clock: event time = {@code baseEpochMillis} + the frame's timestamp. */
    public static FrameClock file(long baseEpochMillis, double frameRate) {
        return new FrameClock(false, baseEpochMillis, frameRate, Long.MIN_VALUE);
    }

    /** A live stream's clock, its event times after {@code lastEventTime} (MIN_VALUE for none). */
    public static FrameClock live(double frameRate, long lastEventTime) {
        return new FrameClock(true, 0, frameRate, lastEventTime);
    }

    /**
     * @param timestampMicros the frame's timestamp in the stream
     * @param arrivalMillis when it arrived (epoch milliseconds); only live streams use it
     * @return its event time, epoch milliseconds
     */
    public long eventTime(long timestampMicros, long arrivalMillis) {
        long timestamp = monotonic(timestampMicros);
        reanchored = false;
        if (!live) {
            samplingMicros = timestamp;
            return baseEpochMillis + Math.floorDiv(timestamp, 1000);
        }
        long streamMillis = Math.floorDiv(timestamp, 1000);
        if (anchor == Long.MIN_VALUE) {
            anchor = arrivalMillis - streamMillis;
        }
        long eventTime = anchor + streamMillis;
        if (eventTime <= lastEventTime || Math.abs(eventTime - arrivalMillis) > TOLERANCE_MILLIS) {
            eventTime = lastEventTime == Long.MIN_VALUE ? arrivalMillis : Math.max(arrivalMillis, lastEventTime + 1);
            anchor = eventTime - streamMillis;
            reanchored = true;
        }
        lastEventTime = eventTime;
        samplingMicros = eventTime * 1000;
        return eventTime;
    }

    /**
     * The last frame's time on the clock its sampling follows: a file's own timestamps; for a live
     * stream, event time, which, unlike stream time, goes on across reconnects.
     */
    public long samplingMicros() {
        return samplingMicros;
    }

    /** Whether the last frame's stream clock was off, and the clock was anchored afresh at its arrival. */
    public boolean reanchored() {
        return reanchored;
    }

    /** The event time of the last live frame, or what the clock started with. */
    public long lastEventTime() {
        return lastEventTime;
    }

    private long monotonic(long timestamp) {
        if (lastTimestamp != Long.MIN_VALUE && timestamp <= lastTimestamp) {
            timestamp = lastTimestamp + frameIntervalMicros;
        }
        lastTimestamp = timestamp;
        return timestamp;
    }
}
