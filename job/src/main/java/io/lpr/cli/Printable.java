package io.lpr.cli;

/**
 * Stored text made safe for a terminal: control characters (ESC, BEL, newlines, the C1 range) and invisible
 * format characters (bidirectional overrides) are written as escapes, so a row cannot move the cursor, ring,
 * recolour the terminal or break a table's line.
 */
final class Printable {
    private Printable() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
