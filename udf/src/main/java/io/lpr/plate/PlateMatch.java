package io.lpr.plate;

import java.util.Locale;
import java.util.Set;

/**
 * How plate texts are compared: what users type (partial plates, wildcards, Cyrillic letters) against
 * stored texts, and how near two reads of the same plate are (edit distance, with the look-alike symbols a
 * reader confuses counting as the same). One place, so that the query command, the deduplication stage and
 * the web page agree.
 */
public final class PlateMatch {
    /** The Cyrillic letters allowed on Russian plates and the Latin look-alikes the model writes for them. */
    private static final String CYRILLIC = "АВЕКМНОРСТУХ";
    private static final String LATIN = "ABEKMHOPCTYX";
    /** Symbol pairs a plate reader confuses at low resolution; substituting one for the other is free. */
    private static final Set<String> CONFUSABLE = Set.of("O0", "0O", "CO", "OC", "B8", "8B", "A4", "4A", "T7", "7T",
            "KX", "XK", "HM", "MH");

    /**
     * How many edits apart a near miss may be: {@code lpr query --near} and journeys' pairing ({@link #near}
     * with this, look-alikes free), one rule wherever a plate is matched "near".
     */
    public static final int NEAR_EDITS = 1;

    private PlateMatch() {}

    /** Upper case, Cyrillic plate letters as their Latin look-alikes, spaces and dashes dropped. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            int cyrillic = CYRILLIC.indexOf(c);
            if (cyrillic >= 0) {
                out.append(LATIN.charAt(cyrillic));
            } else if (c != ' ' && c != '-') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the pattern has wildcards: {@code *} any run of symbols, {@code ?} exactly one. */
    public static boolean hasWildcards(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /**
     * Whether a stored plate text matches what a user typed: with wildcards the whole text must match the
     * pattern ({@code *567AM*}, {@code O???OO97}); without, the typed symbols anywhere in the text (partial plate).
     */
    public static boolean matches(String text, String pattern) {
        if (text == null || pattern == null) {
            return false;
        }
        String t = normalize(text);
        String p = normalize(pattern);
        return hasWildcards(p) ? wildcard(t, 0, p, 0) : t.contains(p);
    }

    /** The same filter as a SQL LIKE pattern (escape character {@code \}), for databases to do the work. */
    public static String sqlLike(String pattern) {
        String p = normalize(pattern);
        StringBuilder like = new StringBuilder();
        if (!hasWildcards(p)) {
            like.append('%');
        }
        for (char c : p.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        if (!hasWildcards(p)) {
            like.append('%');
        }
        return like.toString();
    }

    private static boolean wildcard(String t, int i, String p, int j) {
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '*') {
                for (int k = i; k <= t.length(); k++) {
                    if (wildcard(t, k, p, j + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (i >= t.length() || (c != '?' && c != t.charAt(i))) {
                return false;
            }
            i++;
            j++;
        }
        return i == t.length();
    }

    /** Levenshtein distance: insertions, deletions and substitutions cost 1. */
    public static int editDistance(String a, String b) {
        return distance(a, b, false);
    }

    /** Edit distance where swapping confusable look-alikes (O/0, C/O, B/8, A/4, T/7, K/X, H/M) is free. */
    public static int lookAlikeDistance(String a, String b) {
        return distance(a, b, true);
    }

    /** Whether two reads may be the same plate: within {@code maxEdits} edits, look-alikes free. */
    public static boolean near(String a, String b, int maxEdits) {
        return a != null && b != null && Math.abs(a.length() - b.length()) <= maxEdits
                && lookAlikeDistance(normalize(a), normalize(b)) <= maxEdits;
    }

    private static int distance(String a, String b, boolean lookAlikes) {
        if (a == null || b == null) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                boolean same = x == y || (lookAlikes && CONFUSABLE.contains("" + x + y));
                cur[j] = Math.min(prev[j - 1] + (same ? 0 : 1), Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
