package io.lpr.recognize;

import io.lpr.event.Box;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Which crops of one camera the recogniser reads: a plate whose last reads agree is read on only every Nth of its
 * frames, while the detector keeps finding its box. The recogniser keeps this record of its own, since the passage
 * vote lives downstream: it follows boxes across frames as the passage tracker does (a box joins the track whose last
 * box it overlaps, or whose centre lies within three plate widths; the best match, one box per track per frame) and
 * counts, per track, how many reads in a row gave the same text confidently enough. A sure plate's crop is skipped
 * only while its box keeps its size: one suddenly smaller or larger (half hidden, cut by the frame) is read.
 *
 * <p>Decisions depend only on the order of the crops and on what was read, never on timing: the caller decides a
 * frame's crops after every crop of the camera's earlier frames has been read and observed. A restored job decides
 * as the failed one would have ({@link #snapshot()}, {@link #restore}), and a crop replayed from the async
 * operator's queue gets the decision it got before, its read observed once. Thread-safe.
 */
public final class SureReads {
    /** What to do with a crop. */
    public enum Decision { READ, SKIP }

    /** Sizes within this fraction of the last box's are the same sight of a plate (a car nears slowly). */
    private static final float SAME_SIZE = 0.2f;

    private final String cameraId;
    private final SureReadsConfig config;
    private final float minIou;
    private final long gapMs;
    private final int replayDepth;
    private final List<SureState.Track> tracks = new ArrayList<>();
    /** The decisions of the last frames decided, oldest first. */
    private final Deque<SureState.Decided> recent = new ArrayDeque<>();
    private long decisions;
    private long nextTrackId;

    /**
     * @param minIou boxes overlapping at least this much are the same plate (the tracker's)
     * @param gapMs a track unseen this long is dropped (the tracker's passage gap)
     * @param replayDepth how many frames' decisions are kept for replays: the async operator's capacity
     */
    public SureReads(String cameraId, SureReadsConfig config, float minIou, long gapMs, int replayDepth) {
        if (replayDepth < 1) {
            throw new IllegalArgumentException("sure reads keep at least one frame for replays, got " + replayDepth);
        }
        this.cameraId = cameraId;
        this.config = config;
        this.minIou = minIou;
        this.gapMs = gapMs;
        this.replayDepth = replayDepth;
    }

    /** Whether the crop of {@code box} in frame {@code sequence}, taken at {@code time}, is read or skipped. */
    public synchronized Decision decide(long sequence, long time, Box box) {
        SureState.Decided before = decided(sequence, time, box);
        if (before != null) {
            return before.skip() ? Decision.SKIP : Decision.READ;
        }
        if (recent.stream().anyMatch(d -> d.sequence() == sequence && d.time() != time)) {
            // The same number for another frame: the stream started afresh, its old frames will not come again.
            recent.clear();
        }
        tracks.removeIf(t -> time - t.lastSeen() > gapMs);
        int match = match(sequence, box);
        SureState.Track track;
        boolean skip = false;
        if (match < 0) {
            track = new SureState.Track(nextTrackId++, box, time, sequence, null, 0, 0);
            tracks.add(track);
        } else {
            SureState.Track t = tracks.get(match);
            skip = t.streak() >= config.reads() && t.skipped() < config.every() - 1 && sameSize(t.lastBox(), box);
            track = new SureState.Track(t.id(), box, Math.max(t.lastSeen(), time), sequence, t.text(), t.streak(),
                    skip ? t.skipped() + 1 : 0);
            tracks.set(match, track);
        }
        recent.addLast(new SureState.Decided(sequence, time, box, track.id(), skip, skip));
        forgetOldFrames();
        decisions++;
        return skip ? Decision.SKIP : Decision.READ;
    }

    /**
     * What the recogniser read in a crop decided {@link Decision#READ}: its text, null when unreadable (or when the
     * read failed), and its confidence. Taken in once; a crop unknown here (decided too long ago) changes nothing.
     */
    public synchronized void observe(long sequence, long time, Box box, String text, float confidence) {
        SureState.Decided d = decided(sequence, time, box);
        if (d == null || d.observed()) {
            return;
        }
        replace(d, d.asObserved());
        for (int i = 0; i < tracks.size(); i++) {
            SureState.Track t = tracks.get(i);
            if (t.id() == d.trackId()) {
                boolean sure = text != null && confidence >= config.confidence();
                int streak = !sure ? 0 : text.equals(t.text()) ? Math.min(t.streak() + 1, config.reads()) : 1;
                tracks.set(i, new SureState.Track(t.id(), t.lastBox(), t.lastSeen(), t.lastSequence(),
                        sure ? text : null, streak, t.skipped()));
                return;
            }
        }
    }

    public synchronized SureState snapshot() {
        return new SureState(cameraId, decisions, nextTrackId, tracks, List.copyOf(recent));
    }

    public synchronized void restore(SureState state) {
        if (!state.cameraId().equals(cameraId)) {
            throw new IllegalArgumentException("camera " + cameraId + " cannot take the sure reads of "
                    + state.cameraId());
        }
        decisions = state.decisions();
        nextTrackId = state.nextTrackId();
        tracks.clear();
        tracks.addAll(state.tracks());
        recent.clear();
        recent.addAll(state.recent());
    }

    /** The open track this box continues, or -1: the best overlap, else the nearest centre within reach. */
    private int match(long sequence, Box box) {
        int best = -1;
        double bestRank = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tracks.size(); i++) {
            SureState.Track t = tracks.get(i);
            if (t.lastSequence() == sequence) {
                continue;
            }
            float iou = t.lastBox().iou(box);
            // An overlap ranks above any centre distance: 1 + IoU against 1 - (distance / reach)^2, at most 1.
            double rank = iou > 0 && iou >= minIou ? 1 + iou : 1 - nearness(t.lastBox(), box);
            if (rank >= 0 && rank > bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    /**
     * Whether a box is the plate as it was last seen, whole: a box that shrank or grew suddenly is a plate half hidden
     * (a passing truck) or cut, whose crop may not read as the last ones did, so it is read.
     */
    private static boolean sameSize(Box last, Box box) {
        return Math.abs(box.width() - last.width()) <= SAME_SIZE * last.width()
                && Math.abs(box.height() - last.height()) <= SAME_SIZE * last.height();
    }

    /** (Centre distance / three plate widths)^2: at most 1 when the same plate may have moved this far. */
    private static double nearness(Box a, Box b) {
        double dx = (a.x1 + a.x2 - b.x1 - b.x2) / 2.0;
        double dy = (a.y1 + a.y2 - b.y1 - b.y2) / 2.0;
        double reach = 3.0 * Math.max(a.width(), b.width());
        return reach <= 0 ? Double.POSITIVE_INFINITY : (dx * dx + dy * dy) / (reach * reach);
    }

    private SureState.Decided decided(long sequence, long time, Box box) {
        for (SureState.Decided d : recent) {
            if (d.isOf(sequence, time, box)) {
                return d;
            }
        }
        return null;
    }

    private void replace(SureState.Decided old, SureState.Decided now) {
        List<SureState.Decided> copy = new ArrayList<>(recent);
        copy.replaceAll(d -> d == old ? now : d);
        recent.clear();
        recent.addAll(copy);
    }

    /** Keeps the decisions of the last {@code replayDepth} frames. */
    private void forgetOldFrames() {
        int frames = 0;
        long last = Long.MIN_VALUE;
        for (Iterator<SureState.Decided> it = recent.descendingIterator(); it.hasNext(); ) {
            SureState.Decided d = it.next();
            if (frames == 0 || d.sequence() != last) {
                frames++;
                last = d.sequence();
            }
            if (frames > replayDepth) {
                it.remove();
            }
        }
    }
}
