package io.lpr.cli;

import io.lpr.camera.StreamUrls;
import io.lpr.events.TerminalText;
import io.lpr.registry.CameraRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cameras list}'s lines: id, enabled or disabled, URL with its passwords masked, all escaped for the
 * terminal. A row that cannot be read whole shows what can be, and names what cannot on the same line.
 */
final class CameraListing {
    private CameraListing() {}

    static List<String> lines(List<CameraRow> rows) {
        int width = 12;
        for (CameraRow row : rows) {
            width = Math.max(width, id(row).length());
        }
        List<String> lines = new ArrayList<>();
        for (CameraRow row : rows) {
            String line = String.format(Locale.ROOT, "%-" + width + "s %-8s %s", id(row),
                    row.enabled() ? "enabled" : "disabled",
                    row.url() == null ? "?" : TerminalText.escape(StreamUrls.mask(row.url())));
            String problem = problem(row);
            lines.add(problem == null ? line : line + "  (" + TerminalText.escape(problem) + ")");
        }
        return lines;
    }

    private static String id(CameraRow row) {
        return row.id() == null ? "?" : TerminalText.escape(row.id());
    }

    /** What of the row cannot be read, or why it is no camera; null for a good row. */
    private static String problem(CameraRow row) {
        if (!row.problems().isEmpty()) {
            return "unreadable: " + String.join("; ", row.problems());
        }
        try {
            row.entry().toSpec();
            return null;
        } catch (IllegalArgumentException e) {
            return "not a camera: " + StreamUrls.mask(e.getMessage());
        }
    }
}
