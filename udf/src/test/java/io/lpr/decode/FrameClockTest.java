package io.lpr.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameClockTest {
    private static final long T0 = 1_714_564_800_000L;

    @Test
    void aFileFrameIsTheBasePlusItsTimestamp() {
        FrameClock clock = FrameClock.file(T0, 25);
        assertThat(clock.eventTime(0, 0)).isEqualTo(T0);
        assertThat(clock.eventTime(40_000, 0)).isEqualTo(T0 + 40);
        assertThat(clock.samplingMicros()).isEqualTo(40_000);
    }

    @Test
    void repeatedOrBackwardFileTimestampsStepOneFrameInterval() {
        FrameClock clock = FrameClock.file(T0, 10);
        assertThat(clock.eventTime(500_000, 0)).isEqualTo(T0 + 500);
        assertThat(clock.eventTime(500_000, 0)).isEqualTo(T0 + 600);
        assertThat(clock.eventTime(0, 0)).isEqualTo(T0 + 700);
    }

    @Test
    void aLiveClockIsAnchoredAtTheFirstArrivalAndFollowsTheStream() {
        FrameClock clock = FrameClock.live(25, Long.MIN_VALUE);
        assertThat(clock.eventTime(90_000_000, T0)).isEqualTo(T0);
        // Arrival jitter does not move event time: the stream's own clock does.
        assertThat(clock.eventTime(90_040_000, T0 + 300)).isEqualTo(T0 + 40);
        assertThat(clock.reanchored()).isFalse();
        assertThat(clock.samplingMicros()).isEqualTo((T0 + 40) * 1000);
    }

    @Test
    void aClockThatJumpsIsReanchoredAtTheArrivalAndFollowedAgainFromTheNextFrame() {
        FrameClock clock = FrameClock.live(25, Long.MIN_VALUE);
        clock.eventTime(0, T0);
        long jumped = clock.eventTime(3_600_000_000L, T0 + 40);   // the camera's clock leapt an hour
        assertThat(clock.reanchored()).isTrue();
        assertThat(jumped).isEqualTo(T0 + 40);
        assertThat(clock.eventTime(3_600_040_000L, T0 + 500)).isEqualTo(T0 + 80);
        assertThat(clock.reanchored()).isFalse();
    }

    @Test
    void aClockStrayingBeyondTheToleranceIsReanchoredWithinItIsNot() {
        FrameClock clock = FrameClock.live(25, Long.MIN_VALUE);
        clock.eventTime(0, T0);
        clock.eventTime(1_000_000, T0 + 1000 + FrameClock.TOLERANCE_MILLIS);     // exactly at the tolerance
        assertThat(clock.reanchored()).isFalse();
        long late = clock.eventTime(2_000_000, T0 + 2001 + 2 * FrameClock.TOLERANCE_MILLIS);
        assertThat(clock.reanchored()).isTrue();
        assertThat(late).isEqualTo(T0 + 2001 + 2 * FrameClock.TOLERANCE_MILLIS);
    }

    @Test
    void aReconnectedStreamGoesOnAfterTheLastEventTimeEvenWhenItsClockRestartsBehind() {
        FrameClock first = FrameClock.live(25, Long.MIN_VALUE);
        first.eventTime(0, T0);
        long last = first.eventTime(40_000, T0 + 40);

        // The new connection arrives "earlier" than the last frame (clock skew between hosts).
        FrameClock second = FrameClock.live(25, last);
        long next = second.eventTime(0, last - 5);
        assertThat(next).isEqualTo(last + 1);
        assertThat(second.eventTime(40_000, last + 40)).isGreaterThan(next);
    }

    @Test
    void liveEventTimesAlwaysIncrease() {
        FrameClock clock = FrameClock.live(0, Long.MIN_VALUE);
        long previous = Long.MIN_VALUE;
        long[] timestamps = {0, 40_000, 40_000, 10_000, 5_000_000_000L, 80_000, 120_000};
        for (int i = 0; i < timestamps.length; i++) {
            long t = clock.eventTime(timestamps[i], T0 + i * 40L);
            assertThat(t).isGreaterThan(previous);
            previous = t;
        }
    }
}
