package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lpr.event.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlateTracksTest {
    private final PlateTracks tracks = new PlateTracks(2_000);

    @Test
    void aMovingPlateIsPredictedAlongItsPath() {
        tracks.observe(List.of(new Box(100, 500, 160, 515)), 0);
        tracks.observe(List.of(new Box(150, 490, 210, 505)), 200);

        List<Box> predicted = tracks.predict(400);

        assertThat(predicted).hasSize(1);
        assertThat(predicted.get(0).x1).isCloseTo(200f, within(0.01f));
        assertThat(predicted.get(0).y1).isCloseTo(480f, within(0.01f));
        assertThat(predicted.get(0).width()).isCloseTo(60f, within(0.01f));
    }

    @Test
    void twoPlatesAreTwoTracksAndAStillPlateStays() {
        tracks.observe(List.of(new Box(100, 500, 160, 515), new Box(1200, 300, 1260, 315)), 0);
        tracks.observe(List.of(new Box(1200, 300, 1260, 315), new Box(130, 500, 190, 515)), 200);

        assertThat(tracks.size()).isEqualTo(2);
        assertThat(tracks.predict(400)).extracting(b -> b.x1).containsExactlyInAnyOrder(160f, 1200f);
    }

    @Test
    void aPlateUnseenForTheTtlIsForgotten() {
        tracks.observe(List.of(new Box(100, 500, 160, 515)), 0);

        assertThat(tracks.predict(2_000)).hasSize(1);
        assertThat(tracks.predict(2_001)).isEmpty();
    }

    @Test
    void aLateFrameDoesNotMoveATrackBack() {
        tracks.observe(List.of(new Box(100, 500, 160, 515)), 0);
        tracks.observe(List.of(new Box(150, 500, 210, 515)), 200);
        tracks.observe(List.of(new Box(120, 500, 180, 515)), 100);

        assertThat(tracks.size()).isEqualTo(1);
        assertThat(tracks.predict(200).get(0).x1).isEqualTo(150f);
    }
}
