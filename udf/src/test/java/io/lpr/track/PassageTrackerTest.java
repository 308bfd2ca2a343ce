package io.lpr.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageTrackerTest {
    private final TrackerConfig config = TrackerConfig.DEFAULTS;
    private final PassageTracker tracker = new PassageTracker(config, new ArrayList<>());

    private static PlateRead read(long time, float x, String text, float textScore) {
        Frame frame = new Frame("cam", time, time / 100, 1920, 1080, null);
        PlateCandidate c = new PlateCandidate(frame, new Box(x, 800, x + 90, 830), 0.8f, 2, 1, new byte[6]);
        return new PlateRead(c, text, textScore);
    }

    private List<PlateEvent> close(long time) {
        return tracker.closeIdle(time, "cam", t -> new byte[] {1});
    }

    @Test
    void aPlateSeenInManyFramesIsOneEventWithTheMajorityText() {
        tracker.add(read(1_000, 100, "B840CK197", -90));
        tracker.add(read(1_200, 105, "B840OK197", -95));
        tracker.add(read(1_400, 110, "B840CK197", -92));
        tracker.add(read(1_600, 115, "B840CK197", -91));

        assertThat(close(4_000)).isEmpty(); // 1.6 s + 3 s gap not reached
        List<PlateEvent> events = close(4_600);

        assertThat(events).hasSize(1);
        PlateEvent e = events.get(0);
        assertThat(e.plateText).isEqualTo("B840CK197");
        assertThat(e.frames).isEqualTo(4);
        assertThat(e.votes).isEqualTo(3);
        assertThat(e.firstSeen).isEqualTo(1_000);
        assertThat(e.lastSeen).isEqualTo(1_600);
        assertThat(e.textScore).isEqualTo(-92f);
        assertThat(e.box).isEqualTo(new Box(105, 800, 195, 830)); // the best-scoring read's box
        assertThat(e.eventId).isEqualTo(EventIds.of("cam", "B840CK197", 1_000));
        assertThat(tracker.tracks()).isEmpty();
    }

    @Test
    void aTieGoesToTheBetterScore() {
        tracker.add(read(1_000, 100, "B840CK197", -90));
        tracker.add(read(1_200, 100, "B840OK197", -99));
        assertThat(close(10_000)).extracting(e -> e.plateText).containsExactly("B840OK197");
    }

    @Test
    void plateFarApartAreSeparatePassagesAndUnreadableReadsAreIgnored() {
        tracker.add(read(1_000, 100, "A111AA77", -90));
        tracker.add(read(1_100, 1500, "B222BB77", -90));
        tracker.add(read(1_200, 100, "A111AA77", -90));
        tracker.add(read(1_300, 1500, "B222BB77", -90));
        assertThat(tracker.add(read(1_300, 800, null, -10))).isNull();

        assertThat(close(10_000)).extracting(e -> e.plateText).containsExactlyInAnyOrder("A111AA77", "B222BB77");
    }

    @Test
    void theSamePlateAfterTheGapIsANewPassage() {
        tracker.add(read(1_000, 100, "A111AA77", -90));
        tracker.add(read(1_200, 100, "A111AA77", -90));
        tracker.add(read(9_000, 100, "A111AA77", -90));
        tracker.add(read(9_200, 100, "A111AA77", -90));
        assertThat(close(20_000)).extracting(e -> e.firstSeen).containsExactlyInAnyOrder(1_000L, 9_000L);
    }

    @Test
    void aSingleReadIsNoiseBelowMinFrames() {
        tracker.add(read(1_000, 100, "A111AA77", -90));
        assertThat(close(10_000)).isEmpty();
        assertThat(tracker.tracks()).isEmpty();
    }

    @Test
    void nextCloseIsTheEarliestOpenTrackPlusTheGap() {
        assertThat(tracker.nextClose()).isEqualTo(Long.MAX_VALUE);
        tracker.add(read(1_000, 100, "A111AA77", -90));
        tracker.add(read(2_000, 1500, "B222BB77", -90));
        assertThat(tracker.nextClose()).isEqualTo(1_000 + config.passageGapMs());
    }

    @Test
    void editDistance() {
        assertThat(PassageTracker.editDistance("B840CK197", "B840OK197")).isEqualTo(1);
        assertThat(PassageTracker.editDistance("B840CK197", "B840CK19")).isEqualTo(1);
        assertThat(PassageTracker.editDistance("A111AA77", "B222BB77")).isEqualTo(6);
    }
}
