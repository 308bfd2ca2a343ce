package io.lpr.dedup;

import io.lpr.event.PlateEvent;
import io.lpr.plate.PlateMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Merges the passage events of one camera (or camera group) into one event per vehicle stay: a passage whose
 * plate (or a near miss: {@link PlateMatch#near}) was seen within the window of an earlier event's last
 * sighting updates that event (same id, so the sink updates its row) instead of making a new one. Works on
 * the caller's list in place, so a Flink operator can hand in and take back its state.
 *
 * <p>What it emits is a changelog per event id: revision 1 for the first passage, one more per passage that
 * joins, and a last record, marked final, with the same content and the next revision, when the event
 * leaves the window ({@link #expire}). The revision is numbered in the state, so a restored job goes on
 * counting where the checkpoint was, as the failed attempt did (whose records after the checkpoint an
 * exactly-once sink discards).
 */
public final class EventDeduplicator {
    private final DedupConfig config;
    private final List<DedupEntry> entries;

    public EventDeduplicator(DedupConfig config, List<DedupEntry> entries) {
        this.config = config;
        this.entries = entries;
    }

    public List<DedupEntry> entries() {
        return entries;
    }

    /**
     * Adds a passage and returns the event to emit: the updated earlier event it belongs to, or the passage
     * itself as a new event.
     */
    public PlateEvent add(PlateEvent passage) {
        DedupEntry entry = match(passage);
        if (entry == null) {
            entry = new DedupEntry();
            entry.event = copy(passage);
            entry.event.revision = 1;
            entry.event.isFinal = false;
            entries.add(entry);
            vote(entry, passage);
            entry.event.runnerUps = runnerUps(entry, entry.event.plateText);
            entry.event.runnerUpVotes = runnerUpVotes(entry, entry.event.plateText);
            return copy(entry.event);
        }
        vote(entry, passage);
        PlateEvent e = entry.event;
        e.revision = nextRevision(e);
        if (passage.firstSeen < e.firstSeen) {
            e.firstSeen = passage.firstSeen;
            e.offsetMs = passage.offsetMs;
        }
        e.lastSeen = Math.max(e.lastSeen, passage.lastSeen);
        e.frames += passage.frames;
        e.detectionScore = Math.max(e.detectionScore, passage.detectionScore);
        String previous = e.plateText;
        int leader = leader(entry);
        e.plateText = entry.texts[leader];
        e.votes = entry.votes[leader];
        // The crop and confidence of the best passage that read the winning text.
        if (passage.plateText.equals(e.plateText) && (!e.plateText.equals(previous) || passage.confidence >= e.confidence)) {
            e.confidence = passage.confidence;
            e.textScore = passage.textScore;
            e.box = passage.box;
            e.cropJpeg = passage.cropJpeg;
            e.snapshot = passage.snapshot;
        }
        e.runnerUps = runnerUps(entry, e.plateText);
        e.runnerUpVotes = runnerUpVotes(entry, e.plateText);
        return copy(e);
    }

    /**
     * Drops the events whose window (plus the allowed lateness) the watermark has passed and returns their
     * final records: each the event as last emitted, with the next revision and marked final.
     */
    public List<PlateEvent> expire(long watermark) {
        List<PlateEvent> finals = new ArrayList<>();
        for (Iterator<DedupEntry> it = entries.iterator(); it.hasNext(); ) {
            DedupEntry entry = it.next();
            if (expiresAt(entry) <= watermark) {
                it.remove();
                PlateEvent last = copy(entry.event);
                last.revision = nextRevision(entry.event);
                last.isFinal = true;
                finals.add(last);
            }
        }
        return finals;
    }

    /** An entry restored from state written before revisions were counted (0) had emitted revision 1 at least. */
    private static int nextRevision(PlateEvent lastEmitted) {
        return Math.max(lastEmitted.revision, 1) + 1;
    }

    /** When the earliest event leaves the state, or Long.MAX_VALUE when none is held. */
    public long nextExpiry() {
        return entries.stream().mapToLong(this::expiresAt).min().orElse(Long.MAX_VALUE);
    }

    private long expiresAt(DedupEntry e) {
        return e.event.lastSeen + config.window().toMillis() + config.allowedLateness().toMillis();
    }

    private DedupEntry match(PlateEvent passage) {
        DedupEntry best = null;
        long bestGap = Long.MAX_VALUE;
        for (DedupEntry entry : entries) {
            long gap = Math.max(passage.firstSeen - entry.event.lastSeen, entry.event.firstSeen - passage.lastSeen);
            if (gap > config.window().toMillis() || !nearAny(entry, passage.plateText)) {
                continue;
            }
            if (gap < bestGap) {
                best = entry;
                bestGap = gap;
            }
        }
        return best;
    }

    private boolean nearAny(DedupEntry entry, String text) {
        for (String t : entry.texts) {
            if (PlateMatch.near(t, text, config.maxEdits())) {
                return true;
            }
        }
        return false;
    }

    private static void vote(DedupEntry entry, PlateEvent passage) {
        int i = Arrays.asList(entry.texts).indexOf(passage.plateText);
        if (i < 0) {
            i = entry.texts.length;
            entry.texts = Arrays.copyOf(entry.texts, i + 1);
            entry.votes = Arrays.copyOf(entry.votes, i + 1);
            entry.weights = Arrays.copyOf(entry.weights, i + 1);
            entry.texts[i] = passage.plateText;
        }
        entry.votes[i] += passage.votes;
        entry.weights[i] += Math.max(passage.confidence, 1e-3f) * passage.votes;
        // The passage's own runner-ups keep their votes too, so the event shows every text read.
        for (int k = 0; passage.runnerUps != null && k < passage.runnerUps.length; k++) {
            int j = Arrays.asList(entry.texts).indexOf(passage.runnerUps[k]);
            if (j < 0) {
                j = entry.texts.length;
                entry.texts = Arrays.copyOf(entry.texts, j + 1);
                entry.votes = Arrays.copyOf(entry.votes, j + 1);
                entry.weights = Arrays.copyOf(entry.weights, j + 1);
                entry.texts[j] = passage.runnerUps[k];
            }
            entry.votes[j] += passage.runnerUpVotes[k];
        }
    }

    private static int leader(DedupEntry entry) {
        int best = 0;
        for (int i = 1; i < entry.texts.length; i++) {
            if (entry.weights[i] > entry.weights[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String[] runnerUps(DedupEntry entry, String winner) {
        return Arrays.stream(order(entry)).filter(i -> !entry.texts[i].equals(winner)).mapToObj(i -> entry.texts[i])
                .toArray(String[]::new);
    }

    private static int[] runnerUpVotes(DedupEntry entry, String winner) {
        return Arrays.stream(order(entry)).filter(i -> !entry.texts[i].equals(winner)).map(i -> entry.votes[i])
                .toArray();
    }

    /** Text indexes by votes, most first. */
    private static int[] order(DedupEntry entry) {
        return IntStream.range(0, entry.texts.length).boxed()
                .sorted((a, b) -> Integer.compare(entry.votes[b], entry.votes[a])).mapToInt(Integer::intValue).toArray();
    }

    /** Events leave as copies: the state's object must not be shared with what downstream holds. */
    static PlateEvent copy(PlateEvent e) {
        PlateEvent c = new PlateEvent();
        c.eventId = e.eventId;
        c.revision = e.revision;
        c.isFinal = e.isFinal;
        c.cameraId = e.cameraId;
        c.plateText = e.plateText;
        c.firstSeen = e.firstSeen;
        c.offsetMs = e.offsetMs;
        c.lastSeen = e.lastSeen;
        c.frames = e.frames;
        c.votes = e.votes;
        c.detectionScore = e.detectionScore;
        c.textScore = e.textScore;
        c.box = e.box;
        c.confidence = e.confidence;
        c.cropJpeg = e.cropJpeg;
        c.snapshot = e.snapshot;
        c.runnerUps = e.runnerUps == null ? new String[0] : e.runnerUps.clone();
        c.runnerUpVotes = e.runnerUpVotes == null ? new int[0] : e.runnerUpVotes.clone();
        return c;
    }
}
