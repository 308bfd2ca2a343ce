package io.lpr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOfOneToAHundred() {
        Percentiles p = new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).boxed().toList());

        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.at(0.5)).isEqualTo(1);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void fewSamplesGiveTheirLargestAsP99() {
        Percentiles p = new Percentiles(List.of(300L, 100L, 200L));

        assertThat(p.at(50)).isEqualTo(200);
        assertThat(p.at(99)).isEqualTo(300);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Percentiles p = new Percentiles(List.of(7L));

        assertThat(p.at(1)).isEqualTo(7);
        assertThat(p.at(99)).isEqualTo(7);
    }

    @Test
    void noSamplesOrAPercentileOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new Percentiles(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
