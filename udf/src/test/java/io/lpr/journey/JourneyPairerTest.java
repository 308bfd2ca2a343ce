package io.lpr.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.journey.Journey.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing of one journey's entries and exits: exact, near misses, ambiguity, supersession, expiry, bounds. */
public class JourneyPairerTest {
    public static final long MINUTE = 60_000;
    static final JourneySpec PARKING = new JourneySpec("parking", "in", "out", Duration.ofHours(1));

    public static JourneyPassage passage(boolean entry, String id, String plate, long firstSeen) {
        JourneyPassage p = new JourneyPassage();
        p.journey = "parking";
        p.entry = entry;
        p.eventId = id;
        p.cameraId = entry ? "in" : "out";
        p.plateText = plate;
        p.firstSeen = firstSeen;
        p.recordTime = firstSeen + 6 * MINUTE;
        return p;
    }

    public static JourneyPassage in(String id, String plate, long t) {
        return passage(true, id, plate, t);
    }

    public static JourneyPassage out(String id, String plate, long t) {
        return passage(false, id, plate, t);
    }

    private final List<Journey> rows = new ArrayList<>();

    private static String show(List<Journey> rows) {
        return String.join(" ", rows.stream().map(r -> r.entryEventId + ":" + r.state
                + (r.exitEventId == null ? "" : "/" + r.exitEventId)).toList());
    }

    @Test
    void anExitClosesTheEntryOfItsPlateWhateverOrderTheyCameIn() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 0, List.of());
        pairer.add(List.of(out("x1", "A123BC77", 20 * MINUTE), in("e1", "A123BC77", 5 * MINUTE),
                in("e2", "K095AE177", 6 * MINUTE)), rows::add);
        assertThat(show(rows)).isEqualTo("e1:open e2:open e1:closed/x1");
        Journey closed = rows.get(2);
        assertThat(closed.durationMs()).isEqualTo(15 * MINUTE);
        assertThat(closed.exitCamera).isEqualTo("out");
        assertThat(closed.entryCamera).isEqualTo("in");
        assertThat(rows.get(0).durationMs()).isNull();
        assertThat(pairer.open()).extracting(p -> p.eventId).containsExactly("e2");
    }

    @Test
    void aPlateReadOneEditOrALookAlikeApartStillPairsAndExactBeatsNear() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 0, List.of(in("e1", "O123BC77", 0),
                in("e2", "B456CO77", MINUTE), in("e3", "A777AA77", 2 * MINUTE), in("e4", "A777AA78", 3 * MINUTE)));
        pairer.add(List.of(out("x1", "0123BC77", 10 * MINUTE), // O/0
                out("x2", "8456C077", 11 * MINUTE), // B/8 and O/0
                out("x3", "A777AA78", 12 * MINUTE), // exact e4, though e3 (older) is one edit away
                out("x4", "A777AA7", 13 * MINUTE)), rows::add); // one deletion from e3
        assertThat(show(rows)).isEqualTo("e1:closed/x1 e2:closed/x2 e4:closed/x3 e3:closed/x4");
        assertThat(rows.get(0).exitPlateText).isEqualTo("0123BC77");
        assertThat(rows.get(0).plateText).isEqualTo("O123BC77");
    }

    @Test
    void ambiguousNearMissesGoToTheNearestThenTheOldest() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 0, List.of(in("e1", "A123BC77", 0),
                in("e2", "A123BC78", MINUTE), in("e3", "A128BC79", 2 * MINUTE)));
        pairer.add(List.of(out("x1", "A123BC79", 10 * MINUTE)), rows::add); // one edit from all three
        assertThat(show(rows)).isEqualTo("e1:closed/x1");
        rows.clear();
        pairer.add(List.of(out("x2", "A123BC7", 11 * MINUTE), out("x3", "ZZZ", 12 * MINUTE)), rows::add);
        assertThat(show(rows)).isEqualTo("e2:closed/x2"); // e3 is two edits away; ZZZ pairs with none
        assertThat(pairer.unmatchedExits()).isEqualTo(1);
    }

    @Test
    void aNewEntryOfAnOpenPlateSupersedesItAndAReplayedEntryIsIgnored() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 0, List.of(in("e1", "A123BC77", 0)));
        pairer.add(List.of(in("e1", "A123BC77", 0), in("e2", "а123вс77", 20 * MINUTE),
                out("x1", "A123BC77", 30 * MINUTE)), rows::add);
        assertThat(show(rows)).isEqualTo("e1:expired e2:open e2:closed/x1");
        assertThat(rows.get(2).durationMs()).isEqualTo(10 * MINUTE);
    }

    @Test
    void aCarWhosePlateIsANearMissOfAnotherInsideDoesNotPushItOut() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 0, List.of(in("e1", "A123BC77", 0)));
        pairer.add(List.of(in("e2", "A123BC78", 5 * MINUTE), out("x2", "A123BC78", 10 * MINUTE),
                out("x1", "A123BC77", 20 * MINUTE)), rows::add);
        assertThat(show(rows)).isEqualTo("e2:open e2:closed/x2 e1:closed/x1");
    }

    @Test
    void anEntryExpiresAtItsLimitPlusTheSettleTimeAndALateExitDoesNotPair() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 6 * MINUTE, List.of(in("e1", "A123BC77", 0),
                in("e2", "K095AE177", 30 * MINUTE)));
        assertThat(pairer.nextExpiry()).isEqualTo(66 * MINUTE);
        pairer.expire(66 * MINUTE - 1, rows::add);
        assertThat(rows).isEmpty();
        pairer.add(List.of(out("x2", "K095AE177", 91 * MINUTE)), rows::add); // 61 min after its entry
        pairer.expire(66 * MINUTE, rows::add);
        assertThat(show(rows)).isEqualTo("e2:expired e1:expired");
        assertThat(rows.get(0).exitEventId).isNull();
        assertThat(pairer.nextExpiry()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void openEntriesAreBoundedOldestExpiredFirst() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 0, List.of(), 2);
        pairer.add(List.of(in("e1", "A111AA77", 0), in("e2", "B222BB77", 1), in("e3", "C333CC77", 2)), rows::add);
        assertThat(show(rows)).isEqualTo("e1:open e2:open e3:open e1:expired");
        assertThat(pairer.open()).extracting(p -> p.eventId).containsExactly("e2", "e3");
    }

    @Test
    void anExitBeforeEveryEntryPairsWithNone() {
        JourneyPairer pairer = new JourneyPairer(PARKING, 0, List.of(in("e1", "A123BC77", 10 * MINUTE)));
        pairer.add(List.of(out("x1", "A123BC77", 5 * MINUTE)), rows::add);
        assertThat(rows).isEmpty();
        assertThat(pairer.unmatchedExits()).isEqualTo(1);
    }
}
