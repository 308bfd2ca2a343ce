package io.lpr.journey;

import io.lpr.plate.PlateMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pairs the entries and exits of one journey, in time order, over the entries still open (inside now).
 *
 * <p>An exit pairs with the open entry of the same plate: the one whose text is the exit's (after
 * {@link PlateMatch#normalize}), else the one nearest to it within {@link PlateMatch#NEAR_EDITS} edit,
 * look-alikes free (O/0, C/O, B/8 ... as {@code lpr query --near}), the oldest on a tie. An entry of a plate
 * that is already open with the same text supersedes it: the old entry's exit was missed, so it is reported
 * expired rather than paired with an exit that belongs to the new one. So at most one entry per text is
 * open, and ambiguity is left only between different plates a near miss apart. At most
 * {@link #MAX_OPEN} entries are kept, the oldest expired first beyond that.
 */
public final class JourneyPairer {
    /** Open entries per journey, beyond which the oldest are reported expired: bounds the keyed state. */
    public static final int MAX_OPEN = 100_000;
    private static final Comparator<JourneyPassage> OLDEST_FIRST =
            Comparator.<JourneyPassage>comparingLong(p -> p.firstSeen).thenComparing(p -> p.eventId);

    private final JourneySpec spec;
    private final long settleMs;
    private final List<JourneyPassage> open;
    private final int maxOpen;
    private int unmatchedExits;

    /** @param open the entries open so far (from state); kept oldest first */
    public JourneyPairer(JourneySpec spec, long settleMs, List<JourneyPassage> open) {
        this(spec, settleMs, open, MAX_OPEN);
    }

    JourneyPairer(JourneySpec spec, long settleMs, List<JourneyPassage> open, int maxOpen) {
        this.spec = spec;
        this.settleMs = settleMs;
        this.open = new ArrayList<>(open);
        this.open.sort(OLDEST_FIRST);
        this.maxOpen = maxOpen;
    }

    /** Passages in the order they happened: each entry opens a journey, each exit closes one (or none). */
    public void add(List<JourneyPassage> passages, Consumer<Journey> out) {
        List<JourneyPassage> ordered = new ArrayList<>(passages);
        ordered.sort(OLDEST_FIRST);
        for (JourneyPassage p : ordered) {
            if (p.entry) {
                enter(p, out);
            } else {
                exit(p, out);
            }
        }
    }

    private void enter(JourneyPassage p, Consumer<Journey> out) {
        if (open.stream().anyMatch(e -> e.eventId.equals(p.eventId))) {
            return; // the same event again (a restored job replays it): already open
        }
        for (JourneyPassage earlier : List.copyOf(open)) {
            // Only the same text: two cars whose plates are a near miss apart may well both be inside.
            if (earlier.firstSeen <= p.firstSeen
                    && PlateMatch.normalize(earlier.plateText).equals(PlateMatch.normalize(p.plateText))) {
                open.remove(earlier);
                out.accept(row(earlier, null, Journey.State.expired));
            }
        }
        open.add(p);
        open.sort(OLDEST_FIRST);
        out.accept(row(p, null, Journey.State.open));
        while (open.size() > maxOpen) {
            out.accept(row(open.remove(0), null, Journey.State.expired));
        }
    }

    private void exit(JourneyPassage p, Consumer<Journey> out) {
        JourneyPassage best = null;
        int bestDistance = Integer.MAX_VALUE;
        String text = PlateMatch.normalize(p.plateText);
        for (JourneyPassage e : open) { // oldest first, so the first of equals wins a tie
            if (e.firstSeen > p.firstSeen || !PlateMatch.near(e.plateText, p.plateText, PlateMatch.NEAR_EDITS)) {
                continue;
            }
            String entryText = PlateMatch.normalize(e.plateText);
            // Exact first: an exact match beats a look-alike match (distance 0 too) of another plate.
            int distance = entryText.equals(text) ? -1 : PlateMatch.lookAlikeDistance(entryText, text);
            if (distance < bestDistance) {
                best = e;
                bestDistance = distance;
            }
        }
        if (best == null) {
            unmatchedExits++;
            return; // no entry seen: a car that was inside before the job started, or read too differently
        }
        open.remove(best);
        boolean inTime = p.firstSeen - best.firstSeen <= spec.limit().toMillis();
        out.accept(inTime ? row(best, p, Journey.State.closed) : row(best, null, Journey.State.expired));
    }

    /** Reports expired every entry whose limit and settle time the watermark has passed. */
    public void expire(long watermark, Consumer<Journey> out) {
        while (!open.isEmpty() && deadline(open.get(0)) <= watermark) {
            out.accept(row(open.remove(0), null, Journey.State.expired));
        }
    }

    /** When the oldest open entry expires (event time), or {@link Long#MAX_VALUE} with none open. */
    public long nextExpiry() {
        return open.isEmpty() ? Long.MAX_VALUE : deadline(open.get(0));
    }

    private long deadline(JourneyPassage entry) {
        return entry.firstSeen + spec.limit().toMillis() + settleMs;
    }

    /** Exits that found no open entry so far (a metric). */
    public int unmatchedExits() {
        return unmatchedExits;
    }

    public List<JourneyPassage> open() {
        return List.copyOf(open);
    }

    private Journey row(JourneyPassage entry, JourneyPassage exit, Journey.State state) {
        Journey j = new Journey();
        j.journey = spec.name();
        j.entryEventId = entry.eventId;
        j.plateText = entry.plateText;
        j.entryCamera = entry.cameraId;
        j.entryTime = entry.firstSeen;
        j.state = state;
        if (exit != null) {
            j.exitEventId = exit.eventId;
            j.exitPlateText = exit.plateText;
            j.exitCamera = exit.cameraId;
            j.exitTime = exit.firstSeen;
        }
        return j;
    }
}
