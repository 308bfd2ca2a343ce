package io.lpr.web;

/** Echoing user input in a message: bounded and without control characters. */
final class Text {
    private static final int MAX = 64;

    private Text() {}

    static String clip(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX ? printable : printable.substring(0, MAX) + "...";
    }

    /** For the few strings the server writes into HTML itself (error pages); the pages escape in the browser. */
    static String html(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
