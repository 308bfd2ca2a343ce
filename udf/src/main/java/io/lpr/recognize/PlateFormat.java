package io.lpr.recognize;

import java.util.regex.Pattern;

/**
 * When a decoded text counts as a reading. Acceptance is exactly the reference's rule (score and length);
 * the Russian private-plate pattern is a separate predicate because the reference did not require it and
 * other plate types (taxi, trailer, police) also have 8 or 9 symbols: later voting may prefer texts that
 * match it, but it must not silently drop them here.
 */
public final class PlateFormat {
    /** Accepted scores are strictly below this (scores are minus the summed logits). */
    public static final float MAX_SCORE = -85f;
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 9;

    private static final String LETTER = "[ABEKMHOPCTYX]";
    private static final Pattern RUSSIAN_PRIVATE =
            Pattern.compile(LETTER + "\\d{3}" + LETTER + "{2}\\d{2,3}");

    private PlateFormat() {}

    /** The reference's acceptance: score below -85 and 8 or 9 symbols. */
    public static boolean accepts(String text, float score) {
        return text != null && score < MAX_SCORE && text.length() >= MIN_LENGTH && text.length() <= MAX_LENGTH;
    }

    /** Letter, three digits, two letters, 2- or 3-digit region, e.g. B840CK197. */
    public static boolean isRussianPrivate(String text) {
        return text != null && RUSSIAN_PRIVATE.matcher(text).matches();
    }
}
