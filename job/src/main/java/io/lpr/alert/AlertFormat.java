package io.lpr.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lpr.event.Alert;
import io.lpr.events.EventFormat;
import io.lpr.events.TerminalText;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lpr alerts}' output: a table (time, camera, plate, confidence, level, entry, note; escaped for the
 * terminal), a JSON array of {@link AlertJson} objects, or CSV, as {@code lpr query}'s formats.
 */
public final class AlertFormat {
    private static final List<String> CSV_COLUMNS = List.of("alert_id", "event_id", "seen_at", "camera_id", "plate_text",
            "confidence", "level", "entry", "note");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private AlertFormat() {}

    public static String line(Alert a) {
        return String.format(Locale.ROOT, "%s  %-12s %-10s %.2f  %-5s  %s%s", Instant.ofEpochMilli(a.seenAt),
                TerminalText.escape(a.cameraId), TerminalText.escape(a.plateText), a.confidence, a.level,
                TerminalText.escape(a.entry), a.note == null ? "" : "  " + TerminalText.escape(a.note));
    }

    public static void print(List<Alert> alerts, EventFormat.Kind kind, PrintWriter out) {
        switch (kind) {
            case table -> alerts.forEach(a -> out.println(line(a)));
            case json -> {
                ArrayNode array = new ObjectMapper().createArrayNode();
                alerts.forEach(a -> array.add(AlertJson.toJson(a)));
                out.println(array);
            }
            case csv -> out.print(csv(alerts));
        }
        out.flush();
    }

    private static String csv(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return String.join(",", CSV_COLUMNS) + "\n";
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (Alert a : alerts) {
            rows.add(List.of(a.alertId, a.eventId, Instant.ofEpochMilli(a.seenAt).toString(), text(a.cameraId),
                    text(a.plateText), String.format(Locale.ROOT, "%.3f", a.confidence), a.level, text(a.entry), text(a.note)));
        }
        try {
            return CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alerts as CSV", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : TerminalText.escapeKeepingLines(value);
    }
}
