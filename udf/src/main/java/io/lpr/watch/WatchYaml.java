package io.lpr.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lpr.util.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A watch-list file ({@code lpr.alerts.watchlist}): a {@code watchlist:} list of entries, each with
 * {@code plate} and optionally {@code near}, {@code note}, {@code level}, {@code until} (ISO-8601, e.g.
 * {@code 2027-01-01T00:00:00Z}) and {@code cameras} (ids or group names). Unknown keys are refused, each
 * refusal one line naming the file and the entry.
 */
public final class WatchYaml {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> KEYS = Set.of("plate", "near", "note", "level", "until", "cameras");

    private WatchYaml() {}

    /** @throws IllegalArgumentException naming the file and the first problem */
    public static List<WatchEntry> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read watch list " + file + ": " + Messages.firstLine(e), e);
        }
    }

    public static List<WatchEntry> parse(String yaml, String source) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + Messages.firstLine(e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull() || !tree.has("watchlist") || !tree.get("watchlist").isArray()) {
            throw new IllegalArgumentException(source + ": expected a 'watchlist:' list of entries");
        }
        List<WatchEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : tree.get("watchlist")) {
            index++;
            String where = source + ", entry " + index;
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException(where + ": unknown key '" + key + "'; expected " + KEYS);
                }
            }
            try {
                List<String> cameras = new ArrayList<>();
                if (node.has("cameras")) {
                    node.get("cameras").forEach(c -> cameras.add(c.asText()));
                }
                entries.add(WatchEntry.of(node.path("plate").asText(null), node.path("near").asBoolean(false),
                        node.path("note").asText(null), WatchLevel.parse(node.path("level").asText("alert")),
                        node.has("until") ? Instant.parse(node.get("until").asText()).toEpochMilli() : null,
                        cameras.toArray(String[]::new)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }
}
