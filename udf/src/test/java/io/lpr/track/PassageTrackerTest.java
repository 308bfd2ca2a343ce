package io.lpr.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lpr.event.Box;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import io.lpr.event.Snapshot;
import io.lpr.plate.PlateGrammar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageTrackerTest {
    private final TrackerConfig config = TrackerConfig.DEFAULTS;
    private final PassageTracker tracker = new PassageTracker(config, PlateGrammar.russian(), new ArrayList<>());

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

    /** A crop the recogniser skipped, its plate already sure. */
    private static PlateRead skipped(long time, float x) {
        Frame frame = new Frame("cam", time, time / 100, 1920, 1080, null);
        return PlateRead.skipped(new PlateCandidate(frame, new Box(x, 800, x + 90, 830), 0.99f, 2, 1, new byte[6]));
    }

    @Test
    void aSkippedReadKeepsItsPassageOpenAndCountsItsFrameButCastsNoVote() {
        assertThat(tracker.add(skipped(800, 100))).as("no track to continue: none started").isNull();
        tracker.add(read(1_000, 100, "B840CK197", -95));
        tracker.add(read(1_200, 105, "B840CK197", -93));
        PlateTrack track = tracker.add(skipped(1_400, 110));
        assertThat(tracker.add(skipped(1_600, 115))).isSameAs(track);
        assertThat(tracker.add(skipped(1_600, 1_500))).as("far from every track").isNull();
        assertThat(tracker.tracks()).hasSize(1);

        assertThat(close(4_599)).as("kept open by the skipped reads").isEmpty();
        PlateEvent e = close(4_600).get(0);
        assertThat(e.plateText).isEqualTo("B840CK197");
        assertThat(e.frames).isEqualTo(4);
        assertThat(e.votes).isEqualTo(2);
        assertThat(e.firstSeen).isEqualTo(1_000);
        assertThat(e.lastSeen).isEqualTo(1_600);
        assertThat(e.detectionScore).as("only reads count").isEqualTo(0.8f);
        assertThat(e.box).as("a read's crop, never a skipped one").isEqualTo(new Box(100, 800, 190, 830));
        assertThat(e.confidence).as("the reads' probability per read frame").isCloseTo((0.95f + 0.93f) / 2, within(1e-5f));
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
        assertThat(e.confidence).isCloseTo((0.90f + 0.92f + 0.91f) / 4, within(1e-5f));
        assertThat(e.runnerUps).containsExactly("B840OK197");
        assertThat(e.runnerUpVotes).containsExactly(1);
        assertThat(e.eventId).isEqualTo(EventIds.of("cam", 1_000, 0));
        assertThat(e.revision).isEqualTo(1);
        assertThat(e.isFinal).as("the tracker's passage is complete; the dedup stage may renumber it").isTrue();
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
        assertThat(e.confidence).isCloseTo((3 * 0.40f + 2 * 0.80f) / 5, within(1e-5f));
        assertThat(e.runnerUps).containsExactly("B840OK197");
        assertThat(e.runnerUpVotes).containsExactly(3);
    }

    /** The event keeps the snapshot of the read its box and crop are from, and of no other. */
    @Test
    void theEventKeepsTheSnapshotOfItsBestRead() {
        long[] times = {1_000, 1_200, 1_400, 1_600};
        float[] scores = {-90, -95, -92, -91};
        String[] texts = {"B840CK197", "B840OK197", "B840CK197", "B840CK197"};
        for (int i = 0; i < times.length; i++) {
            PlateRead read = read(times[i], 100 + 5 * i, texts[i], scores[i]);
            read.candidate.snapshot = new Snapshot(new byte[] {(byte) i}, 1280, 720, 1920, 1080);
            tracker.add(read);
        }
        PlateEvent e = close(10_000).get(0);
        assertThat(e.box).isEqualTo(new Box(110, 800, 200, 830));
        assertThat(e.snapshot.jpeg).as("the third read's: the most confident of the winning text").containsExactly(2);
    }

    /** A read whose only valid text is its own, with its probability, in a box at x. */
    private static PlateRead sure(long time, float x, String text, float p) {
        PlateRead read = read(time, x, text, -100 * p);
        read.alternatives = new String[] {text};
        read.alternativeProbabilities = new float[] {p};
        return read;
    }

    /** Each frame misreads one symbol, a different one: no frame read O459OO97, every position says so. */
    @Test
    void framesWrongInDifferentPlacesComposeTheTextEveryPositionVotesFor() {
        tracker.add(sure(1_000, 100, "O459OO37", 0.60f));
        tracker.add(sure(1_200, 105, "O458OO97", 0.55f));
        tracker.add(sure(1_400, 110, "O459OO93", 0.50f));

        PlateEvent e = close(10_000).get(0);
        assertThat(e.plateText).isEqualTo("O459OO97");
        assertThat(e.votes).isEqualTo(2); // positions 3, 6 and 7 each read so by two frames
        float share = 1.65f / 3;
        assertThat(e.confidence).isCloseTo(share * (1.10f / 1.65f) * (1.05f / 1.65f) * (1.15f / 1.65f), within(1e-5f))
                .isBetween(0f, 1f);
        assertThat(e.runnerUps).containsExactlyInAnyOrder("O459OO37", "O458OO97", "O459OO93");
        assertThat(e.runnerUpVotes).containsExactly(1, 1, 1);
        assertThat(e.textScore).isCloseTo(-60f, within(1e-3f)); // the best read it was composed from
        assertThat(e.eventId).isEqualTo(EventIds.of("cam", 1_000, 0));
    }

    /** The crop is from a read one symbol off the composed text, not the surest read (two symbols off). */
    @Test
    void aComposedTextShowsTheCropOfTheReadNearestIt() {
        tracker.add(sure(1_000, 100, "O451OO93", 0.70f));
        tracker.add(sure(1_200, 105, "O449OO97", 0.45f));
        tracker.add(sure(1_400, 110, "O459OO37", 0.46f));

        PlateEvent e = close(10_000).get(0);
        assertThat(e.plateText).isEqualTo("O459OO97");
        assertThat(e.box).isEqualTo(new Box(110, 800, 200, 830));
        assertThat(e.votes).isEqualTo(2);
        assertThat(e.runnerUps).containsExactlyInAnyOrder("O451OO93", "O449OO97", "O459OO37");
    }

    /** Two series written under one name vote together; a mix of their patterns is no plate, so the leader stays. */
    @Test
    void aCompositionTheGrammarRejectsFallsBackToTheLeader() {
        PlateGrammar twoWays = PlateGrammar.parse(List.of("series:@###@@##", "series:#@##@@##"));
        PassageTracker strict = new PassageTracker(config, twoWays, new ArrayList<>());
        strict.add(sure(1_000, 100, "A123BC77", 0.60f));
        strict.add(sure(1_200, 105, "1A23BC77", 0.35f));
        strict.add(sure(1_400, 110, "1B23BC77", 0.35f)); // positions alone say 1123BC77: neither pattern

        PlateEvent e = strict.closeIdle(10_000, "cam", t -> new byte[] {1}).get(0);
        assertThat(e.plateText).isEqualTo("A123BC77");
        assertThat(e.votes).isEqualTo(1);
        assertThat(e.confidence).isCloseTo(0.60f / 3, within(1e-5f));
        assertThat(e.box).isEqualTo(new Box(100, 800, 190, 830));
    }

    /**
     * Every frame reads C, and its second and third choices both say O there: the symbol only the runner-up
     * choices carry does not overrule what the frames read, and the event is what whole-string voting gives.
     */
    @Test
    void framesThatAgreeKeepTheirText() {
        for (long t = 1_000; t <= 1_400; t += 200) {
            PlateRead read = read(t, 100, "B840CK197", -40);
            read.confidence = 0.40f;
            read.alternatives = new String[] {"B840CK197", "B840OK197", "B840OK177"};
            read.alternativeProbabilities = new float[] {0.40f, 0.30f, 0.25f};
            tracker.add(read);
        }

        PlateEvent e = close(10_000).get(0);
        assertThat(e.plateText).isEqualTo("B840CK197");
        assertThat(e.votes).isEqualTo(3);
        assertThat(e.confidence).isCloseTo(0.40f, within(1e-5f));
        assertThat(e.runnerUps).isEmpty();
    }

    /** 8-symbol reads of the same track do not vote on the 9-symbol text's positions (they would make it K094AE177). */
    @Test
    void textsOfDifferentLengthsDoNotMixPositions() {
        tracker.add(sure(1_000, 100, "K095AE137", 0.60f));
        tracker.add(sure(1_200, 100, "K094AE177", 0.55f));
        tracker.add(sure(1_400, 100, "K095AE173", 0.50f));
        tracker.add(sure(1_600, 100, "K094AE13", 0.45f));
        tracker.add(sure(1_800, 100, "K094AE33", 0.45f));

        PlateEvent e = close(10_000).get(0);
        assertThat(e.plateText).isEqualTo("K095AE177");
        assertThat(e.frames).isEqualTo(5);
        assertThat(e.confidence).isBetween(0f, 1f);
        assertThat(e.runnerUps).hasSize(5).contains("K094AE13", "K094AE33");
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
        assertThat(tracker.nextClose()).isEqualTo(1_000 + config.passageGap().toMillis());
    }

    /**
     * A knife-edge plate read C by one run and O by its replay after a restore (and in one frame fewer): the
     * passage starts in the same frame, so it is the same event, and the sink updates its row.
     */
    @Test
    void aReplayThatVotesAnotherTextKeepsThePassagesId() {
        PassageTracker replay = new PassageTracker(config, PlateGrammar.russian(), new ArrayList<>());
        for (long t = 1_000; t <= 1_600; t += 200) {
            tracker.add(read(t, 100 + t / 100, "B840CK197", -95));
            if (t < 1_600) {
                replay.add(read(t, 100 + t / 100, "B840OK197", -95));
            }
        }
        PlateEvent first = close(10_000).get(0);
        PlateEvent again = replay.closeIdle(10_000, "cam", t -> new byte[] {1}).get(0);

        assertThat(first.plateText).isEqualTo("B840CK197");
        assertThat(again.plateText).isEqualTo("B840OK197");
        assertThat(again.eventId).isEqualTo(first.eventId).isEqualTo(EventIds.of("cam", 1_000, 0));
    }

    /**
     * Two cars whose plates are first read in the same frame are two events: ranked left to right, whatever
     * order their reads come in, and the one that closes first leaves the other's id as it was.
     */
    @Test
    void passagesStartingInTheSameFrameAreRankedLeftToRight() {
        tracker.add(read(1_000, 1500, "B222BB77", -90));
        tracker.add(read(1_000, 100, "A111AA77", -90));
        tracker.add(read(1_200, 100, "A111AA77", -90));
        tracker.add(read(1_200, 1500, "B222BB77", -90));
        for (long t = 2_000; t <= 8_000; t += 1_000) {
            tracker.add(read(t, 1500, "B222BB77", -90)); // the right-hand car stays on
        }

        List<PlateEvent> left = close(1_200 + config.passageGap().toMillis());
        assertThat(left).extracting(e -> e.plateText).containsExactly("A111AA77");
        List<PlateEvent> right = close(8_000 + config.passageGap().toMillis());
        assertThat(right).extracting(e -> e.plateText).containsExactly("B222BB77");

        assertThat(left.get(0).eventId).isEqualTo(EventIds.of("cam", 1_000, 0));
        assertThat(right.get(0).eventId).isEqualTo(EventIds.of("cam", 1_000, 1));

        PassageTracker otherOrder = new PassageTracker(config, PlateGrammar.russian(), new ArrayList<>());
        otherOrder.add(read(1_000, 100, "A111AA77", -90));
        otherOrder.add(read(1_000, 1500, "B222BB77", -90));
        otherOrder.add(read(1_200, 1500, "B222BB77", -90));
        otherOrder.add(read(1_200, 100, "A111AA77", -90));
        assertThat(otherOrder.closeIdle(20_000, "cam", t -> new byte[] {1}))
                .extracting(e -> e.plateText + "@" + e.eventId)
                .containsExactlyInAnyOrder("A111AA77@" + left.get(0).eventId, "B222BB77@" + right.get(0).eventId);
    }

    /** A read that arrives after a later frame's and joins its track moves the passage's start, and its rank. */
    @Test
    void anEarlierReadMovesTheStartAndTheRank() {
        tracker.add(read(1_000, 100, "A111AA77", -90));
        tracker.add(read(1_200, 100, "A111AA77", -90));
        tracker.add(read(1_200, 1500, "B222BB77", -90));
        tracker.add(read(1_000, 1490, "B222BB77", -90));

        assertThat(close(20_000)).extracting(e -> e.plateText + "@" + e.eventId).containsExactlyInAnyOrder(
                "A111AA77@" + EventIds.of("cam", 1_000, 0), "B222BB77@" + EventIds.of("cam", 1_000, 1));
    }
}
