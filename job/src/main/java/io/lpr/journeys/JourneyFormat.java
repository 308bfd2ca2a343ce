package io.lpr.journeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lpr.events.EventFormat;
import io.lpr.events.TerminalText;
import io.lpr.journey.Journey;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Journeys as {@code lpr journeys} prints them: a table (one line each, text from the database escaped for
 * the terminal), JSON ({@link JourneyJson}) or CSV with a header.
 */
public final class JourneyFormat {
    private static final List<String> CSV_COLUMNS = List.of("journey", "state", "plate", "exit_plate", "entry_camera",
            "exit_camera", "entry_time", "exit_time", "duration_s", "entry_event_id", "exit_event_id");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JourneyFormat() {}

    /** E.g. {@code parking  closed   A123BC77   2026-12-07T08:00:00Z .. 2026-12-07T09:05:12Z  1h 05m 12s}. */
    static String line(JourneyJson j) {
        String exit = j.exitTime() == null ? "" : " .. " + j.exitTime();
        String line = String.format(Locale.ROOT, "%-10s %-7s %-10s %s%s", TerminalText.escape(j.journey()), j.state(),
                TerminalText.escape(j.plate()), j.entryTime(), exit);
        if (j.duration() != null) {
            line += "  " + j.duration();
        }
        if (j.exitPlate() != null && !j.exitPlate().equals(j.plate())) {
            line += "  (read " + TerminalText.escape(j.exitPlate()) + " at the exit)";
        }
        return line;
    }

    public static void print(List<Journey> journeys, EventFormat.Kind kind, PrintWriter out) throws JsonProcessingException {
        List<JourneyJson> rows = journeys.stream().map(JourneyJson::of).toList();
        switch (kind) {
            case table -> rows.forEach(j -> out.println(line(j)));
            case json -> out.println(JSON.writeValueAsString(rows));
            case csv -> out.print(csv(rows));
        }
        out.flush();
    }

    private static String csv(List<JourneyJson> journeys) throws JsonProcessingException {
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        if (journeys.isEmpty()) {
            return String.join(",", CSV_COLUMNS) + "\n";
        }
        List<List<String>> rows = new ArrayList<>();
        for (JourneyJson j : journeys) {
            rows.add(List.of(text(j.journey()), j.state(), text(j.plate()), text(j.exitPlate()), text(j.entryCamera()),
                    text(j.exitCamera()), j.entryTime(), j.exitTime() == null ? "" : j.exitTime(),
                    j.durationSeconds() == null ? "" : String.format(Locale.ROOT, "%.3f", j.durationSeconds()),
                    text(j.entryEventId()), text(j.exitEventId())));
        }
        return CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
    }

    private static String text(String value) {
        return value == null ? "" : TerminalText.escapeKeepingLines(value);
    }
}
