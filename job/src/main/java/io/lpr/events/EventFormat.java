package io.lpr.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lpr.event.PlateEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stored events as {@code lpr query} prints them: a table (one line each), JSON ({@link PlateEventJson}, the
 * schema of the API and Kafka) or CSV. Nothing from the database reaches the terminal as it is: the table
 * escapes control characters ({@link TerminalText}), CSV is quoted by Jackson's CSV writer.
 */
public final class EventFormat {
    /** The output formats of {@code lpr query --format}. */
    public enum Kind { table, json, csv }

    private static final List<String> CSV_COLUMNS = List.of("event_id", "camera_id", "plate_text", "confidence",
            "first_seen", "last_seen", "frames", "votes", "detection_score", "runner_ups", "revision", "final",
            "unreadable");
    /** Quotes a field only when it must be (separator, quote, line break): plain fields read as they are. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final int CAMERA_WIDTH = 12;
    private static final int PLATE_WIDTH = 10;

    private EventFormat() {}

    /**
     * Camera, plate, first and last seen as UTC ISO-8601 instants, frames, votes, best detector confidence,
     * the text's confidence (0..1) and the runner-up texts with their votes, e.g.
     * {@code cam-1        B840CK197  2024-05-01T12:00:00Z .. 2024-05-01T12:00:02.400Z  frames=12 votes=9 det=0.91 conf=0.93 also=B840OK197 (3)}.
     */
    public static String line(PlateEvent e) {
        return line(new StoredEvent(e, List.of()), CAMERA_WIDTH, PLATE_WIDTH);
    }

    private static String line(StoredEvent stored, int cameraWidth, int plateWidth) {
        PlateEvent e = stored.event();
        String line = String.format(Locale.ROOT, "%-" + cameraWidth + "s %-" + plateWidth + "s %s .. %s  frames=%d "
                        + "votes=%d det=%.2f conf=%.2f", TerminalText.escape(e.cameraId), TerminalText.escape(e.plateText),
                Instant.ofEpochMilli(e.firstSeen), Instant.ofEpochMilli(e.lastSeen), e.frames, e.votes,
                e.detectionScore, e.confidence);
        String runnerUps = RunnerUps.readable(e);
        if (!runnerUps.isEmpty()) {
            line += " also=" + TerminalText.escape(runnerUps);
        }
        if (!stored.unreadable().isEmpty()) {
            line += "  unreadable: " + TerminalText.escape(String.join("; ", stored.unreadable()));
        }
        return line;
    }

    public static void print(List<StoredEvent> events, Kind kind, PrintWriter out) {
        switch (kind) {
            case table -> {
                // Columns as wide as their longest value, so a long camera id does not shift its row.
                int cameraWidth = Math.max(CAMERA_WIDTH, events.stream()
                        .mapToInt(e -> TerminalText.escape(e.event().cameraId).length()).max().orElse(0));
                int plateWidth = Math.max(PLATE_WIDTH, events.stream()
                        .mapToInt(e -> TerminalText.escape(e.event().plateText).length()).max().orElse(0));
                events.forEach(e -> out.println(line(e, cameraWidth, plateWidth)));
            }
            case csv -> out.print(csv(events));
            case json -> out.println(new PlateEventJson(false).array(events));
        }
        out.flush();
    }

    private static String csv(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return String.join(",", CSV_COLUMNS) + "\n"; // the header alone: a script still sees the columns
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (StoredEvent stored : events) {
            PlateEvent e = stored.event();
            rows.add(List.of(text(e.eventId), text(e.cameraId), text(e.plateText),
                    String.format(Locale.ROOT, "%.3f", e.confidence), Instant.ofEpochMilli(e.firstSeen).toString(),
                    Instant.ofEpochMilli(e.lastSeen).toString(), Integer.toString(e.frames), Integer.toString(e.votes),
                    String.format(Locale.ROOT, "%.3f", e.detectionScore), text(RunnerUps.readable(e)),
                    Integer.toString(e.revision), Boolean.toString(e.isFinal),
                    text(String.join("; ", stored.unreadable()))));
        }
        try {
            return CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write events as CSV", e);
        }
    }

    /** A CSV field: line breaks stay (the writer quotes them), other control characters are escaped. */
    private static String text(String value) {
        return TerminalText.escapeKeepingLines(value);
    }
}
