package io.lpr.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.Reconnect;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Reconnect POLICY = Reconnect.of(100, 1000, 2);

    @Test
    void delaysGrowByTheMultiplierUpToTheCapWithJitterFromTheUpperHalf() {
        Backoff highest = new Backoff(POLICY, () -> 0.999_999);
        long[] expected = {100, 200, 400, 800, 1000, 1000};
        for (long delay : expected) {
            assertThat(highest.nextDelayMillis(false)).isEqualTo(delay);
        }
        Backoff lowest = new Backoff(POLICY, () -> 0);
        for (long delay : expected) {
            assertThat(lowest.nextDelayMillis(false)).isEqualTo(delay / 2);
        }
        assertThat(lowest.failures()).isEqualTo(expected.length);
    }

    @Test
    void permanentFailuresWaitTheLongestAndASuccessStartsOver() {
        Backoff backoff = new Backoff(POLICY, () -> 0.999_999);
        assertThat(backoff.nextDelayMillis(true)).isEqualTo(1000);
        assertThat(backoff.nextDelayMillis(true)).isEqualTo(1000);
        backoff.reset();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.nextDelayMillis(false)).isEqualTo(100);
    }

    @Test
    void manyFailuresStayAtTheCap() {
        Backoff backoff = new Backoff(POLICY, () -> 0.5);
        for (int i = 0; i < 10_000; i++) {
            assertThat(backoff.nextDelayMillis(false)).isBetween(50L, 1000L);
        }
    }
}
