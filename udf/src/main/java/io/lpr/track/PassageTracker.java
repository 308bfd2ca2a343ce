package io.lpr.track;

import io.lpr.event.Box;
import io.lpr.event.PassageRead;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import io.lpr.plate.PlateGrammar;
import io.lpr.plate.PlateMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Groups the readable plate reads of ONE camera into passages and votes on their text. A read joins the
 * open track whose last box it overlaps, or whose texts it (nearly) repeats near the same place; a track
 * closes once the plate has been unseen for the passage gap, and becomes one {@link PlateEvent} whose text
 * {@link PositionVote} settles, named by where it starts ({@link EventIds}): revision 1, final, as far as the
 * tracker knows (the dedup stage may merge it into an earlier event and renumber).
 */
public final class PassageTracker {
    private final TrackerConfig config;
    private final PlateGrammar grammar;
    private final List<PlateTrack> tracks;

    /**
     * Works on the given list in place, so a Flink operator can hand in and take back its state; the grammar
     * is the recogniser's, so a text composed from several reads is held to the formats a read is.
     */
    public PassageTracker(TrackerConfig config, PlateGrammar grammar, List<PlateTrack> tracks) {
        this.config = config;
        this.grammar = grammar;
        this.tracks = tracks;
    }

    public List<PlateTrack> tracks() {
        return tracks;
    }

    /**
     * Adds a read; unreadable reads carry no text to vote for and are ignored. A skipped read (its plate was already
     * sure, {@link PlateRead#skipped}) only extends the open track its box continues: a frame seen, no vote, never
     * the crop, never a new track. Returns the track updated, or null.
     */
    public PlateTrack add(PlateRead read) {
        if (read.skipped) {
            return seen(read.candidate);
        }
        if (!read.readable()) {
            return null;
        }
        PlateCandidate c = read.candidate;
        PlateTrack track = match(read);
        if (track == null) {
            track = new PlateTrack();
            track.firstSeen = c.eventTime;
            track.firstOffsetMs = c.offsetMs;
            track.firstBox = c.box;
            tracks.add(track);
            rankStarts(track.firstSeen);
        } else if (c.eventTime < track.firstSeen) {
            long moved = track.firstSeen;
            track.firstSeen = c.eventTime;
            track.firstOffsetMs = c.offsetMs;
            track.firstBox = c.box;
            rankStarts(moved);
            rankStarts(track.firstSeen);
        }
        track.lastSeen = Math.max(track.lastSeen, c.eventTime);
        track.lastBox = c.box;
        track.frames++;
        track.bestDetectionScore = Math.max(track.bestDetectionScore, c.score);
        vote(track, read);
        // The crop shown is from the read nearest the text that is winning (a composed text may never have been
        // read whole), the most confident of those. Chosen as reads arrive: the track keeps one crop, not all.
        String winner = PositionVote.decide(track, grammar).text();
        int distance = PlateMatch.editDistance(read.text, winner);
        int cropDistance = PlateMatch.editDistance(track.cropText, winner);
        if (distance < cropDistance || (distance == cropDistance && read.confidence > track.cropConfidence)) {
            track.cropText = read.text;
            track.cropConfidence = read.confidence;
            track.bestBox = c.box;
            track.cropWidth = c.cropWidth;
            track.cropHeight = c.cropHeight;
            track.cropPixels = c.cropPixels;
            track.snapshot = c.snapshot;
        }
        return track;
    }

    /**
     * Closes the tracks unseen since {@code time - passageGap} and turns those with enough frames into
     * events; {@code cropEncoder} turns a track's best crop into the event's image bytes.
     */
    public List<PlateEvent> closeIdle(long time, String cameraId, Function<PlateTrack, byte[]> cropEncoder) {
        List<PlateEvent> events = new ArrayList<>();
        for (Iterator<PlateTrack> it = tracks.iterator(); it.hasNext(); ) {
            PlateTrack track = it.next();
            if (track.lastSeen + config.passageGap().toMillis() <= time) {
                it.remove();
                if (track.frames >= config.minFrames()) {
                    events.add(toEvent(track, cameraId, cropEncoder));
                }
            }
        }
        return events;
    }

    /**
     * Numbers the tracks that started at {@code firstSeen} left to right by their first box (then top to
     * bottom; a tie keeps the order of arrival). Every read of a frame arrives before any track started in it
     * can close (the watermark must first pass the frame plus the passage gap), so the ranks are settled by
     * the time a track becomes an event, and a track that closes first leaves the others' ranks as they were.
     */
    private void rankStarts(long firstSeen) {
        List<PlateTrack> started = tracks.stream().filter(t -> t.firstSeen == firstSeen).sorted(START_ORDER).toList();
        for (int i = 0; i < started.size(); i++) {
            started.get(i).startRank = i;
        }
    }

    /** Left to right, then top to bottom, by the first box's centre; a track restored without one first. */
    private static final Comparator<PlateTrack> START_ORDER = Comparator
            .comparingDouble((PlateTrack t) -> t.firstBox == null ? Double.NEGATIVE_INFINITY : t.firstBox.x1 + t.firstBox.x2)
            .thenComparingDouble(t -> t.firstBox == null ? Double.NEGATIVE_INFINITY : t.firstBox.y1 + t.firstBox.y2);

    /**
     * Holds {@code read}, just added to {@code track}, until {@link #release}: the reads of one frame arrive
     * together, and only when the last of them has arrived are the ranks of the passages starting in that
     * frame, and so their ids, settled.
     */
    public void hold(PlateTrack track, PlateRead read) {
        int n = track.pendingTexts.length;
        track.pendingTexts = Arrays.copyOf(track.pendingTexts, n + 1);
        track.pendingConfidences = Arrays.copyOf(track.pendingConfidences, n + 1);
        track.pendingTimes = Arrays.copyOf(track.pendingTimes, n + 1);
        track.pendingTexts[n] = read.text;
        track.pendingConfidences[n] = read.confidence;
        track.pendingTimes[n] = read.candidate.eventTime;
    }

    /** Whether a read at {@code time} starts a newer frame than every read held: the held ones are settled. */
    public boolean startsNewFrame(long time) {
        return tracks.stream().anyMatch(t -> t.pendingTimes.length > 0 && t.pendingTimes[t.pendingTimes.length - 1] < time);
    }

    /** The reads held, each with its passage's id as it now stands, oldest first; none are held after. */
    public List<PassageRead> release(String cameraId) {
        List<PassageRead> released = new ArrayList<>();
        for (PlateTrack t : tracks) {
            String eventId = EventIds.of(cameraId, t.firstSeen, t.startRank);
            int before = t.frames - t.pendingTexts.length;
            for (int i = 0; i < t.pendingTexts.length; i++) {
                released.add(new PassageRead(eventId, cameraId, t.pendingTexts[i], t.pendingConfidences[i],
                        t.pendingTimes[i], before + i + 1));
            }
            t.pendingTexts = new String[0];
            t.pendingConfidences = new float[0];
            t.pendingTimes = new long[0];
        }
        released.sort(Comparator.comparingLong(r -> r.seenAt));
        return released;
    }

    /** When the earliest open track would close, or Long.MAX_VALUE when none is open. */
    public long nextClose() {
        return tracks.stream().mapToLong(t -> t.lastSeen + config.passageGap().toMillis()).min().orElse(Long.MAX_VALUE);
    }

    /** A skipped crop: its track (by box only, the best overlap, else the nearest) seen once more. */
    private PlateTrack seen(PlateCandidate c) {
        PlateTrack best = null;
        float bestRank = 0;
        for (PlateTrack track : tracks) {
            if (c.eventTime - track.lastSeen > config.passageGap().toMillis()) {
                continue;
            }
            float iou = track.lastBox.iou(c.box);
            float rank = iou > 0 && iou >= config.minIou() ? 2 + iou : near(track.lastBox, c.box) ? 1 : 0;
            if (rank > bestRank) {
                best = track;
                bestRank = rank;
            }
        }
        if (best != null) {
            best.lastSeen = Math.max(best.lastSeen, c.eventTime);
            best.lastBox = c.box;
            best.frames++;
            best.skippedFrames++;
        }
        return best;
    }

    private PlateTrack match(PlateRead read) {
        PlateCandidate c = read.candidate;
        PlateTrack best = null;
        float bestIou = 0;
        for (PlateTrack track : tracks) {
            if (c.eventTime - track.lastSeen > config.passageGap().toMillis()) {
                continue;
            }
            float iou = track.lastBox.iou(c.box);
            boolean sameText = track.indexOf(read.text) >= 0;
            boolean near = near(track.lastBox, c.box);
            boolean similarText = near && PlateMatch.editDistance(track.leaderText(), read.text) <= config.maxTextDistance();
            if (iou >= config.minIou() || sameText || similarText) {
                float rank = iou + (sameText ? 1 : 0);
                if (best == null || rank > bestIou) {
                    best = track;
                    bestIou = rank;
                }
            }
        }
        return best;
    }

    /** Centres within three plate widths: the same plate moved between sampled frames. */
    private static boolean near(Box a, Box b) {
        float dx = (a.x1 + a.x2 - b.x1 - b.x2) / 2;
        float dy = (a.y1 + a.y2 - b.y1 - b.y2) / 2;
        float reach = 3 * Math.max(a.width(), b.width());
        return dx * dx + dy * dy <= reach * reach;
    }

    /**
     * The read's text gets a vote; it and the read's other grammar-valid texts get their probabilities as
     * weight. A read without alternatives (no grammar) weighs its confidence, or a token when it has none.
     */
    private static void vote(PlateTrack track, PlateRead read) {
        int i = slot(track, read.text);
        track.votes[i]++;
        track.textScores[i] = Math.min(track.textScores[i], read.textScore);
        if (read.alternatives == null || read.alternatives.length == 0) {
            track.weights[i] += Math.max(read.confidence, 1e-3f);
            return;
        }
        for (int k = 0; k < read.alternatives.length; k++) {
            int j = slot(track, read.alternatives[k]);
            track.weights[j] += read.alternativeProbabilities[k];
        }
    }

    private static int slot(PlateTrack track, String text) {
        int i = track.indexOf(text);
        if (i < 0) {
            i = track.texts.length;
            track.texts = Arrays.copyOf(track.texts, i + 1);
            track.votes = Arrays.copyOf(track.votes, i + 1);
            track.textScores = Arrays.copyOf(track.textScores, i + 1);
            track.weights = Arrays.copyOf(track.weights, i + 1);
            track.texts[i] = text;
            track.textScores[i] = Float.MAX_VALUE;
        }
        return i;
    }

    private PlateEvent toEvent(PlateTrack track, String cameraId, Function<PlateTrack, byte[]> cropEncoder) {
        PositionVote.Verdict verdict = PositionVote.decide(track, grammar);
        PlateEvent event = new PlateEvent();
        event.cameraId = cameraId;
        event.plateText = verdict.text();
        event.firstSeen = track.firstSeen;
        event.lastSeen = track.lastSeen;
        event.offsetMs = track.firstOffsetMs < 0 ? null : track.firstOffsetMs;
        event.frames = track.frames;
        event.votes = verdict.votes();
        event.detectionScore = track.bestDetectionScore;
        event.textScore = verdict.textScore();
        event.box = track.bestBox;
        event.confidence = verdict.confidence();
        // Every other text some frame read, the whole-string leader too when a composed text won.
        Integer[] others = IntStream.range(0, track.texts.length)
                .filter(i -> !track.texts[i].equals(verdict.text()) && track.votes[i] > 0).boxed()
                .sorted((a, b) -> Integer.compare(track.votes[b], track.votes[a])).toArray(Integer[]::new);
        event.runnerUps = Arrays.stream(others).map(i -> track.texts[i]).toArray(String[]::new);
        event.runnerUpVotes = Arrays.stream(others).mapToInt(i -> track.votes[i]).toArray();
        event.cropJpeg = track.cropPixels == null ? null : cropEncoder.apply(track);
        event.snapshot = track.snapshot;
        // Named by where it starts, not by the text voted: a replay that reads it otherwise updates the same row.
        event.eventId = EventIds.of(cameraId, track.firstSeen, track.startRank);
        event.revision = 1;
        event.isFinal = true;
        return event;
    }
}
