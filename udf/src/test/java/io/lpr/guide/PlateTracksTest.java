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

    @Test
    void aPlateWhoseSizeWinsClearlyAtEverySizeIsScannedAtThatSizeThenAtEverySizeAgainNowAndThen() {
        long t = 0;
        for (int i = 0; i < PlateTracks.SURE_LOOKS; i++, t += 200) {
            assertThat(tracks.aims(t)).allMatch(aim -> aim.side() == 0);
            tracks.observeSightings(List.of(new PlateTracks.Sighting(PARKED, 640, true, true)), t);
        }
        for (int i = 0; i < PlateTracks.NARROW_LOOKS; i++, t += 200) {
            assertThat(tracks.aims(t)).singleElement().extracting(PlateTracks.Aim::side).isEqualTo(640);
            tracks.observeSightings(List.of(new PlateTracks.Sighting(PARKED, 640, false, false)), t);
        }
        assertThat(tracks.aims(t)).as("looked at every size again").singleElement()
                .extracting(PlateTracks.Aim::side).isEqualTo(0);
        tracks.observeSightings(List.of(new PlateTracks.Sighting(PARKED, 640, true, true)), t);
        assertThat(tracks.aims(t + 200)).as("still the clear winner").singleElement()
                .extracting(PlateTracks.Aim::side).isEqualTo(640);
    }

    @Test
    void aNarrowWinOrAnotherSizeWinningStartsTheCountAgain() {
        long t = 0;
        for (int i = 0; i < PlateTracks.SURE_LOOKS - 1; i++, t += 200) {
            tracks.observeSightings(List.of(new PlateTracks.Sighting(PARKED, 640, true, true)), t);
        }
        tracks.observeSightings(List.of(new PlateTracks.Sighting(PARKED, 640, true, false)), t);
        t += 200;
        for (int i = 0; i < PlateTracks.SURE_LOOKS - 1; i++, t += 200) {
            tracks.observeSightings(List.of(new PlateTracks.Sighting(PARKED, 640, true, true)), t);
        }
        tracks.observeSightings(List.of(new PlateTracks.Sighting(PARKED, 832, true, true)), t);

        assertThat(tracks.aims(t + 200)).singleElement().extracting(PlateTracks.Aim::side).isEqualTo(0);
        assertThat(tracks.tracks()).singleElement().extracting(PlateTracks.Track::side, PlateTracks.Track::sureLooks)
                .containsExactly(832, 1);
    }

    private static final Box PARKED = new Box(1418, 920, 1481, 940);
}
