package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakBoxesTest {
    private final WeakBoxes weak = new WeakBoxes(2_000, 10_000);

    @Test
    void aWeakBoxSeenAgainIsOneSightingWithItsLatestBoxAndTime() {
        weak.observe(List.of(new Box(100, 500, 160, 515)), List.of(), 0);
        weak.observe(List.of(new Box(104, 501, 164, 516), new Box(1200, 300, 1260, 315)), List.of(), 200);

        assertThat(weak.recent(200)).containsExactlyInAnyOrder(
                new WeakBoxes.Sighting(new Box(104, 501, 164, 516), 200),
                new WeakBoxes.Sighting(new Box(1200, 300, 1260, 315), 200));
        assertThat(weak.size()).isEqualTo(2);
    }

    @Test
    void aWeakBoxUnseenForTheTtlIsForgotten() {
        weak.observe(List.of(new Box(100, 500, 160, 515)), List.of(), 0);

        assertThat(weak.recent(2_000)).hasSize(1);
        assertThat(weak.recent(2_001)).isEmpty();
    }

    @Test
    void aFrameFinishedOutOfOrderKeepsTheNewerTime() {
        weak.observe(List.of(new Box(100, 500, 160, 515)), List.of(), 400);
        weak.observe(List.of(new Box(101, 500, 161, 515)), List.of(), 200);

        assertThat(weak.recent(400)).extracting(WeakBoxes.Sighting::time).containsExactly(400L);
    }

    @Test
    void aWeakBoxStillWeakAfterItsWatchRestsAsLongThenIsWatchedAgain() {
        Box junk = new Box(100, 500, 160, 515);
        long t = 0;
        for (; t <= 10_000; t += 200) {
            assertThat(weak.recent(t)).as("watched at %d", t).hasSize(t == 0 ? 0 : 1);
            weak.observe(List.of(junk), List.of(), t);
        }
        for (; t <= 20_000; t += 200) {
            assertThat(weak.recent(t)).as("resting at %d", t).isEmpty();
            weak.observe(List.of(junk), List.of(), t);
        }
        weak.observe(List.of(junk), List.of(), t);
        assertThat(weak.recent(t)).as("watched again").hasSize(1);
    }

    @Test
    void aPlateFoundOnAWeakBoxEndsItsWatchAndAWeakBoxAfterItIsWatchedAfresh() {
        Box plate = new Box(100, 500, 160, 515);
        for (long t = 0; t <= 10_000; t += 200) {
            weak.observe(List.of(plate), List.of(), t);
        }
        weak.observe(List.of(), List.of(plate), 10_200);
        assertThat(weak.recent(10_200)).isEmpty();

        // Weak again after the plate: watched afresh, though its first watch would be over by now.
        weak.observe(List.of(plate), List.of(), 10_400);
        assertThat(weak.recent(10_600)).hasSize(1);
    }
}
