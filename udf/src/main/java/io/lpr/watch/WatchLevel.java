package io.lpr.watch;

import java.util.Locale;

/** How urgent a watch entry's alerts are: {@code info} (note it) or {@code alert} (act on it). */
public enum WatchLevel {
    INFO,
    ALERT;

    /** The lower-case name the CLI, the table and the JSON use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the levels for anything else */
    public static WatchLevel parse(String text) {
        for (WatchLevel level : values()) {
            if (level.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("a watch level is info or alert, got '" + text + "'");
    }
}
