package io.lpr.events;

/**
 * Text from the database made safe to print on a terminal: control characters (ESC, BEL, newlines, C1 codes)
 * and invisible format characters (bidirectional overrides) are shown as escapes, so a stored value can
 * neither drive the terminal nor break a line of a table.
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code \n}, {@code \r}, {@code \t}, {@code \\} and {@code \xHH} / {@code \}{@code uHHHH} for the rest. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** As {@link #escape}, but keeps line breaks and tabs as they are: for CSV, which quotes a field holding them. */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (keepLines && (c == '\n' || c == '\r' || c == '\t')) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append(keepLines ? "\\" : "\\\\");
                default -> {
                    if (!unsafe(c)) {
                        out.append(c);
                    } else if (c < 0x100) {
                        out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
