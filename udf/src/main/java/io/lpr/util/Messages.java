package io.lpr.util;

/**
 * Exception messages cut to the line a person needs: drivers, FFmpeg, PyTorch and Flink append multi-line
 * detail (C++ traces, backend lists) or nest the useful line inside causes.
 */
public final class Messages {
    private Messages() {}

    /** The first line of {@code message}, trimmed; "unknown error" when there is none. */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }

    /** The first line of the exception's message, or its class's name when it has none. */
    public static String firstLine(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    /**
     * The innermost cause's message on one line; for a Python traceback (TorchScript), just its last line,
     * which is the error itself.
     */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        if (message.contains("Traceback")) {
            String[] lines = message.split("\\R");
            return lines[lines.length - 1].strip();
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Every message down the cause chain, joined with ": " on one line, each said once: Flink's parse errors
     * name the key outside and the reason inside.
     */
    public static String causeChain(Throwable e) {
        StringBuilder joined = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? null : t.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            if (message != null && !message.isEmpty() && joined.indexOf(message) < 0) {
                joined.append(joined.length() == 0 ? "" : ": ").append(message);
            }
        }
        return joined.length() == 0 ? e.getClass().getSimpleName() : joined.toString();
    }
}
