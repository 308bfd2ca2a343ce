package io.lpr.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {
    @Test
    void zeroKeepsEveryFrame() {
        FrameSampler sampler = new FrameSampler(0);
        assertThat(kept(sampler, 25, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void keepsTheFirstFrameOfEachSlotCountedFromTheFirstFrame() {
        // 25 fps sampled at 5: every fifth frame, starting with the first.
        assertThat(kept(new FrameSampler(5), 25, 26)).containsExactly(0, 5, 10, 15, 20, 25);
    }

    @Test
    void containerRoundingJustBelowASlotBoundaryCountsAsOnIt() {
        FrameSampler sampler = new FrameSampler(1);
        assertThat(sampler.keep(10_000_000)).isTrue();
        assertThat(sampler.keep(10_999_400)).isTrue();   // 0.6 ms short of 1 s after the first
        assertThat(sampler.keep(11_500_000)).isFalse();
    }

    @Test
    void aRateAboveTheStreamsKeepsEveryFrame() {
        assertThat(kept(new FrameSampler(50), 10, 5)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aGapInTheStreamKeepsTheNextFrameOnce() {
        FrameSampler sampler = new FrameSampler(5);
        assertThat(sampler.keep(0)).isTrue();
        assertThat(sampler.keep(10_000_000)).isTrue();
        assertThat(sampler.keep(10_040_000)).isFalse();
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new FrameSampler(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> kept(FrameSampler sampler, double streamFps, int frames) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            if (sampler.keep(Math.round(i * 1_000_000 / streamFps))) {
                kept.add(i);
            }
        }
        return kept;
    }
}
