package io.lpr.plate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The plate formats a deployment accepts, as OpenALPR-style position patterns: {@code @} a plate letter,
 * {@code #} a digit, {@code [..]} one of the listed symbols, any other symbol itself. Each format is
 * written {@code name:pattern}, e.g. {@code private:@###@@##}. Letters are the model's Latin look-alikes of
 * the Cyrillic ones (А В Е К М Н О Р С Т У Х).
 */
public final class PlateGrammar implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String LETTERS = "ABEKMHOPCTYX";
    public static final String DIGITS = "0123456789";
    /** Longest pattern; 64 formats at most, so a prefix's compatible formats fit a long. */
    public static final int MAX_FORMATS = 64;

    /**
     * Russian formats (GOST R 50577): regions are 2 digits, or 3 digits starting 1-9. The diplomatic CD/D
     * series cannot be read: the model's alphabet has no D.
     */
    public static final List<String> RUSSIAN = List.of(
            "private:@###@@##", "private:@###@@[1-9]##",
            "taxi:@@#####", "taxi:@@###[1-9]##",
            "trailer:@@######", "trailer:@@####[1-9]##",
            "motorcycle:####@@##", "motorcycle:####@@[1-9]##",
            "police:@######", "police:@####[1-9]##",
            "diplomatic:###T#####", "diplomatic:###T###[1-9]##",
            "transit:@@###@##", "transit:@@###@[1-9]##");

    /** One format: its name and the allowed symbols at each position. */
    public record Format(String name, String pattern, String[] positions) implements Serializable {
        public int length() {
            return positions.length;
        }

        public boolean matches(String text) {
            if (text == null || text.length() != positions.length) {
                return false;
            }
            for (int i = 0; i < positions.length; i++) {
                if (positions[i].indexOf(text.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Format> formats;

    private PlateGrammar(List<Format> formats) {
        this.formats = List.copyOf(formats);
    }

    public static PlateGrammar russian() {
        return parse(RUSSIAN);
    }

    /** Parses {@code name:pattern} entries; a line naming the bad entry when one does not parse. */
    public static PlateGrammar parse(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("plate formats: at least one format is needed, e.g. private:@###@@##");
        }
        if (entries.size() > MAX_FORMATS) {
            throw new IllegalArgumentException("plate formats: at most " + MAX_FORMATS + ", got " + entries.size());
        }
        List<Format> formats = new ArrayList<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "format" + formats.size() : entry.substring(0, colon).strip();
            String pattern = (colon < 0 ? entry : entry.substring(colon + 1)).strip();
            formats.add(new Format(name, pattern, positions(pattern)));
        }
        return new PlateGrammar(formats);
    }

    private static String[] positions(String pattern) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '@') {
                out.add(LETTERS);
            } else if (c == '#') {
                out.add(DIGITS);
            } else if (c == '[') {
                int end = pattern.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("plate format '" + pattern + "': '[' without ']'");
                }
                out.add(symbolClass(pattern, pattern.substring(i + 1, end)));
                i = end;
            } else if (LETTERS.indexOf(c) >= 0 || DIGITS.indexOf(c) >= 0) {
                out.add(String.valueOf(c));
            } else {
                throw new IllegalArgumentException("plate format '" + pattern + "': '" + c
                        + "' is not @, #, [..] or a plate symbol (" + DIGITS + LETTERS + ")");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("plate format '" + pattern + "' is empty");
        }
        return out.toArray(String[]::new);
    }

    /** {@code [1-9]}, {@code [179]}, {@code [ABC]}: ranges of digits or listed symbols. */
    private static String symbolClass(String pattern, String spec) {
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                for (char c = spec.charAt(i); c <= spec.charAt(i + 2); c++) {
                    set.append(c);
                }
                i += 2;
            } else {
                set.append(spec.charAt(i));
            }
        }
        for (char c : set.toString().toCharArray()) {
            if (LETTERS.indexOf(c) < 0 && DIGITS.indexOf(c) < 0) {
                throw new IllegalArgumentException("plate format '" + pattern + "': '" + c + "' is not a plate symbol");
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("plate format '" + pattern + "': empty []");
        }
        return set.toString();
    }

    public List<Format> formats() {
        return formats;
    }

    /** The name of the first format the text matches, or null when it matches none. */
    public String formatOf(String text) {
        for (Format f : formats) {
            if (f.matches(text)) {
                return f.name();
            }
        }
        return null;
    }

    public boolean accepts(String text) {
        return formatOf(text) != null;
    }
}
