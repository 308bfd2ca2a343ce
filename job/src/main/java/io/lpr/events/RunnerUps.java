package io.lpr.events;

import io.lpr.event.PlateEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner-up texts with their votes as the {@code runner_ups} column stores them, most votes first:
 * {@code B840OK197:3,B840CK19:1}. Everything else shows them as a list of {@code {plate, votes}}.
 */
public final class RunnerUps {
    private RunnerUps() {}

    /** The stored form, null when there are none. */
    public static String format(PlateEvent e) {
        if (e.runnerUps == null || e.runnerUps.length == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < e.runnerUps.length; i++) {
            out.append(i == 0 ? "" : ",").append(e.runnerUps[i]).append(':').append(e.runnerUpVotes[i]);
        }
        return out.toString();
    }

    /** As people read them: {@code B840OK197 (3), B840CK19 (1)}; empty when there are none. */
    public static String readable(PlateEvent e) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; e.runnerUps != null && i < e.runnerUps.length; i++) {
            parts.add(e.runnerUps[i] + " (" + e.runnerUpVotes[i] + ")");
        }
        return String.join(", ", parts);
    }

    /**
     * Reads the stored form into {@code e}. A part that is not {@code TEXT:VOTES} is left out and described in
     * the returned list (empty when all of it was read): one bad part must not hide the rest of the row.
     */
    public static List<String> read(String stored, PlateEvent e) {
        List<String> problems = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> votes = new ArrayList<>();
        if (stored != null && !stored.isEmpty()) {
            for (String part : stored.split(",", -1)) {
                int colon = part.lastIndexOf(':');
                try {
                    if (colon <= 0) {
                        throw new NumberFormatException("no ':VOTES'");
                    }
                    votes.add(Integer.parseInt(part.substring(colon + 1)));
                    texts.add(part.substring(0, colon));
                } catch (NumberFormatException bad) {
                    problems.add("runner_ups: '" + part + "' is not TEXT:VOTES");
                }
            }
        }
        e.runnerUps = texts.toArray(String[]::new);
        e.runnerUpVotes = votes.stream().mapToInt(Integer::intValue).toArray();
        return problems;
    }
}
