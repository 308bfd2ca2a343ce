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
        PlateRead read = new PlateRead(c, text, textScore);
        read.confidence = text == null ? 0 : -textScore / 100;
        return read;
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
        assertThat(e.box).isEqualTo(new Box(110, 800, 200, 830)); // the most confident read of the winning text
        assertThat(e.confidence).isCloseTo((0.90f + 0.92f + 0.91f) / 4, org.assertj.core.api.Assertions.within(1e-5f));
        assertThat(e.runnerUps).containsExactly("B840OK197");
        assertThat(e.runnerUpVotes).containsExactly(1);
        assertThat(e.eventId).isEqualTo(EventIds.of("cam", "B840CK197", 1_000));
        assertThat(tracker.tracks()).isEmpty();
    }

    private static PlateRead read(long time, String text, String other, float p, float q) {
        PlateRead read = read(time, 100, text, -100);
        read.confidence = p;
        read.alternatives = new String[] {text, other};
        read.alternativeProbabilities = new float[] {p, q};
        return read;
    }

    /** Three unsure frames prefer O, two sure ones say C: the frames' probabilities combined say C. */
    @Test
    void framesVoteWithTheirProbabilitiesNotJustTheirBestText() {
        tracker.add(read(1_000, "B840OK197", "B840CK197", 0.45f, 0.40f));
        tracker.add(read(1_200, "B840OK197", "B840CK197", 0.45f, 0.40f));
        tracker.add(read(1_400, "B840OK197", "B840CK197", 0.45f, 0.40f));
        tracker.add(read(1_600, "B840CK197", "B840OK197", 0.80f, 0.10f));
        tracker.add(read(1_800, "B840CK197", "B840OK197", 0.80f, 0.10f));

        PlateEvent e = close(10_000).get(0);
        assertThat(e.plateText).isEqualTo("B840CK197");
        assertThat(e.votes).isEqualTo(2);
        assertThat(e.confidence).isCloseTo((3 * 0.40f + 2 * 0.80f) / 5, org.assertj.core.api.Assertions.within(1e-5f));
        assertThat(e.runnerUps).containsExactly("B840OK197");
        assertThat(e.runnerUpVotes).containsExactly(3);
    }

    @Test
    void aTieInVotesGoesToTheMoreConfidentRead() {
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
}
