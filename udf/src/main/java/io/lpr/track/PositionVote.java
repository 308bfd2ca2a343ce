package io.lpr.track;

import io.lpr.plate.PlateGrammar;
import java.util.stream.IntStream;

/**
 * Settles a passage's text: the whole-string leader ({@link PlateTrack#leader()}), or a text composed
 * character by character when the frames each misread a different symbol (O459OO37, O458OO97, O459OO93:
 * no frame read O459OO97, but every position's vote says so).
 *
 * <p>The vote works on the track's texts and summed probabilities as they are (no state of its own, so
 * saved tracks restore unchanged). Texts are grouped by the format they match (its name and length), so
 * positions only align among texts laid out alike; texts no format accepts do not vote. Formats sharing a
 * name and length are one series written several ways, so they vote together, and the composition may mix
 * their patterns: that is why the grammar has the last word. In the group
 * holding the most probability (the passage's vote on the format), each position takes the character the
 * most probability backs: each text's summed probability counts for each of its characters, and a tie
 * keeps the leader's character. That is the text nearest to all the frames' reads, weighted by how sure
 * they were: the most likely text when frames err independently, character by character.
 *
 * <p>The composed text replaces the leader only when the grammar accepts it, each of its characters is
 * backed by at least as much probability as the whole leader text, and each character that overrules the
 * leader's was read there by a majority of the format's reads (frames whose own text has it there). In the
 * leader's own format the first condition always holds: a composition differs from the leader only where
 * other texts together outweigh the leader's character. The majority keeps a symbol that only the frames'
 * second and third choices carry from overruling what the frames read, and keeps a knife edge split evenly
 * between frames (half read C, half O in texts of their own) on the whole-string winner: when every frame
 * read the leader, or half of them did, nothing changes, and a text holding more than half its format's
 * probability is that format's composition. A rule comparing an estimated probability of the composition
 * with the leader's mean would not do: with three frames each wrong in one place it still prefers a text
 * two of them contradict.
 *
 * <p>A composed text's confidence is its probability if positions are independent: the format's share of
 * the passage's probability per frame, times each position's share backing the chosen character. When the
 * group's reads all agree this is the whole-string confidence (summed probability / frames). Its votes are
 * the fewest reads behind any one of its characters, so the dedup stage, which weighs a passage by
 * confidence times votes, still counts it; its text score is the best of the reads it was composed from.
 */
public final class PositionVote {

    /** What a passage settles on: the text, the reads behind it, how likely it is (0..1), its best text score. */
    public record Verdict(String text, int votes, float confidence, float textScore) {}

    private PositionVote() {}

    public static Verdict decide(PlateTrack track, PlateGrammar grammar) {
        int leader = track.leader();
        Verdict whole = new Verdict(track.texts[leader], track.votes[leader],
                Math.min(1f, track.weights[leader] / track.readFrames()), track.textScores[leader]);
        int[] group = heaviestGroup(track, grammar, leader);
        float mass = 0;
        int groupReads = 0;
        for (int i : group) {
            mass += track.weights[i];
            groupReads += track.votes[i];
        }
        if (group.length == 0 || mass <= 0) {
            return whole;
        }
        int length = track.texts[group[0]].length();
        String leaderText = group[0] == leader ? track.texts[leader] : null;
        char[] composed = new char[length];
        float probability = mass / track.readFrames();
        int reads = Integer.MAX_VALUE;
        for (int p = 0; p < length; p++) {
            char best = track.texts[group[0]].charAt(p);
            float bestMass = massAt(track, group, p, best);
            for (int i : group) {
                char c = track.texts[i].charAt(p);
                float m = massAt(track, group, p, c);
                if (m > bestMass) {
                    best = c;
                    bestMass = m;
                }
            }
            int n = readsAt(track, group, p, best);
            boolean overrules = leaderText == null || best != leaderText.charAt(p);
            if (bestMass < track.weights[leader] || (overrules && 2 * n <= groupReads)) {
                return whole;
            }
            composed[p] = best;
            probability *= bestMass / mass;
            reads = Math.min(reads, n);
        }
        String text = new String(composed);
        if (text.equals(whole.text()) || !grammar.accepts(text)) {
            return whole;
        }
        float textScore = Float.MAX_VALUE;
        for (int i : group) {
            textScore = Math.min(textScore, track.textScores[i]);
        }
        return new Verdict(text, reads, Math.min(1f, probability), textScore);
    }

    /**
     * The indexes of the texts sharing the format with the most summed probability, the leader first when it
     * is among them (a tie between formats also goes to the leader's); empty when no text matches a format.
     */
    private static int[] heaviestGroup(PlateTrack track, PlateGrammar grammar, int leader) {
        String[] keys = new String[track.texts.length];
        for (int i = 0; i < keys.length; i++) {
            String format = grammar.formatOf(track.texts[i]);
            keys[i] = format == null ? null : format + "/" + track.texts[i].length();
        }
        String heaviest = keys[leader];
        float heaviestMass = heaviest == null ? 0 : mass(track, keys, heaviest);
        for (String key : keys) {
            float m = key == null ? 0 : mass(track, keys, key);
            if (m > heaviestMass) {
                heaviest = key;
                heaviestMass = m;
            }
        }
        if (heaviest == null) {
            return new int[0];
        }
        String chosen = heaviest;
        return IntStream.concat(IntStream.of(leader).filter(i -> chosen.equals(keys[i])),
                IntStream.range(0, keys.length).filter(i -> i != leader && chosen.equals(keys[i]))).toArray();
    }

    private static float mass(PlateTrack track, String[] keys, String key) {
        float mass = 0;
        for (int i = 0; i < keys.length; i++) {
            if (key.equals(keys[i])) {
                mass += track.weights[i];
            }
        }
        return mass;
    }

    private static float massAt(PlateTrack track, int[] group, int position, char c) {
        float mass = 0;
        for (int i : group) {
            if (track.texts[i].charAt(position) == c) {
                mass += track.weights[i];
            }
        }
        return mass;
    }

    private static int readsAt(PlateTrack track, int[] group, int position, char c) {
        int reads = 0;
        for (int i : group) {
            if (track.texts[i].charAt(position) == c) {
                reads += track.votes[i];
            }
        }
        return reads;
    }
}
