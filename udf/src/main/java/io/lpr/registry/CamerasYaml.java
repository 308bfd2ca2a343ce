package io.lpr.registry;

import static io.lpr.util.Messages.firstLine;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lpr.camera.CameraField;
import io.lpr.camera.StreamUrls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cameras file's text as {@link CameraEntry cameras}, each camera's keys read by {@link CameraField}: unknown
 * keys, values of the wrong kind and duplicate keys are refused, each refusal one line naming the problem and
 * its line ({@code FILE:LINE}), passwords masked.
 */
final class CamerasYaml {
    private static final ObjectMapper YAML = YAMLMapper.builder(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    private CamerasYaml() {}

    /**
     * @param source names the text in error messages
     * @throws RegistryException naming the first problem, with its line
     */
    static List<CameraEntry> parse(String yaml, String source) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new RegistryException(source + " is not valid YAML" + where(e.getLocation()) + ": "
                    + StreamUrls.mask(firstLine(e.getOriginalMessage())));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new RegistryException(source + " is empty; expected a 'cameras:' list");
        }
        Lines lines = Lines.of(yaml);
        for (Iterator<String> keys = tree.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("cameras")) {
                throw new RegistryException(source + lines.at(-1, key) + ": unknown top-level key '" + key
                        + "'; expected only 'cameras'");
            }
        }
        if (!tree.isObject() || !tree.has("cameras")) {
            throw new RegistryException(source + " has no 'cameras:' list at its top level");
        }
        JsonNode cameras = tree.get("cameras");
        if (cameras.isNull()) {
            return List.of();
        }
        if (!cameras.isArray()) {
            throw new RegistryException(source + lines.at(-1, "cameras")
                    + ": 'cameras' must be a list of cameras, each starting with '- id:'");
        }
        List<CameraEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cameras.size(); i++) {
            CameraEntry entry = entry(cameras.get(i), i, lines, source);
            if (!ids.add(entry.id())) {
                throw new RegistryException(source + ": camera id '" + entry.id() + "' is given more than once");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static CameraEntry entry(JsonNode camera, int index, Lines lines, String source) {
        String where = source + lines.at(index, null) + ", camera #" + (index + 1);
        if (!camera.isObject()) {
            throw new RegistryException(where + " must be a map of settings (id: ..., url: ...)");
        }
        JsonNode id = camera.path("id");
        String named = id.isValueNode() ? " (" + id.asText() + ")" : "";
        Map<CameraField, Object> settings = new EnumMap<>(CameraField.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = camera.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> setting = it.next();
            String key = setting.getKey();
            String at = source + lines.at(index, key) + ", camera #" + (index + 1) + named;
            if (key.equals("id") || key.equals("url")) {
                if (!setting.getValue().isValueNode()) {
                    throw new RegistryException(at + ": " + key + " must be text");
                }
                continue;
            }
            CameraField field = CameraField.byKey(key).orElseThrow(() -> new RegistryException(
                    at + ": unknown setting '" + key + "'; known: " + String.join(", ", known())));
            if (!setting.getValue().isNull()) {
                try {
                    settings.put(field, field.fromJson(setting.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new RegistryException(at + ": " + e.getMessage());
                }
            }
        }
        if (!id.isValueNode() || id.isNull()) {
            throw new RegistryException(where + " has no id (id: gate1)");
        }
        JsonNode url = camera.path("url");
        if (!url.isValueNode() || url.isNull() || url.asText().isBlank()) {
            throw new RegistryException(where + named + " has no url (a video file path or a stream URL)");
        }
        try {
            return new CameraEntry(id.asText(), url.asText(), settings);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(where + ": " + e.getMessage());
        }
    }

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>(List.of("id", "url"));
        for (CameraField field : CameraField.values()) {
            keys.add(field.key());
        }
        return keys;
    }

    /** The line each camera of the list starts on, and each of its keys: JSON trees keep no places. */
    private record Lines(Map<String, Integer> top, List<Integer> cameras, List<Map<String, Integer>> keys) {

        /** {@code ":LINE"} of a camera (index -1: the top level) or one of its keys (null: the camera itself). */
        String at(int camera, String key) {
            Integer line = camera < 0 ? top.get(key)
                    : camera >= cameras.size() ? null
                    : key == null ? cameras.get(camera) : keys.get(camera).getOrDefault(key, cameras.get(camera));
            return line == null ? "" : ":" + line;
        }

        static Lines of(String yaml) {
            Lines lines = new Lines(new HashMap<>(), new ArrayList<>(), new ArrayList<>());
            try (JsonParser parser = YAML.createParser(yaml)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return lines;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    lines.top.put(name, parser.currentTokenLocation().getLineNr());
                    if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("cameras")) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            lines.cameras.add(parser.currentTokenLocation().getLineNr());
                            lines.keys.add(keyLines(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                // Already read once: cannot fail now; without lines the messages only lack them.
            }
            return lines;
        }

        private static Map<String, Integer> keyLines(JsonParser parser) throws IOException {
            Map<String, Integer> keys = new HashMap<>();
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    keys.put(parser.currentName(), parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
            return keys;
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }
}
