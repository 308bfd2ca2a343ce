package io.lpr.registry;

import static io.lpr.util.Messages.firstLine;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.camera.StreamUrls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cameras file's text as {@link CameraEntry cameras}: Jackson binds it to records, refusing unknown keys,
 * values of the wrong kind and duplicate keys; every refusal is one line naming the problem and its line
 * ({@code FILE:LINE}), passwords masked.
 */
final class CamerasYaml {
    private static final Set<String> FIELDS =
            new TreeSet<>(List.of("id", "url", "enabled", "fps", "realtime", "width", "height", "roi", "transport"));
    /** What each setting must be, for messages; the rest are text. */
    private static final Map<String, String> KINDS = Map.of("enabled", "true or false", "realtime", "true or false",
            "fps", "a number", "width", "a whole number", "height", "a whole number");
    private static final ObjectMapper YAML = YAMLMapper.builder(
                    YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

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
        CamerasFile file;
        try {
            file = YAML.readValue(yaml, CamerasFile.class);
        } catch (JsonMappingException e) {
            throw new RegistryException(bindingProblem(e, tree, source));
        } catch (JsonProcessingException e) {
            throw new RegistryException(source + " is not valid YAML" + where(e.getLocation()) + ": "
                    + StreamUrls.mask(firstLine(e.getOriginalMessage())));
        }
        if (file == null || !tree.has("cameras")) {
            throw new RegistryException(source + " has no 'cameras:' list at its top level");
        }
        if (file.cameras() == null) {
            return List.of();
        }
        List<Integer> lines = entryLines(yaml);
        List<CameraEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.cameras().size(); i++) {
            Entry entry = file.cameras().get(i);
            String where = source + (i < lines.size() ? ":" + lines.get(i) : "") + ", camera #" + (i + 1);
            if (entry.id() == null) {
                throw new RegistryException(where + " has no id (id: gate1)");
            }
            if (entry.url() == null || entry.url().isBlank()) {
                throw new RegistryException(where + " (" + entry.id() + ") has no url (a video file path or a stream URL)");
            }
            if (!ids.add(entry.id())) {
                throw new RegistryException(source + ": camera id '" + entry.id() + "' is given more than once");
            }
            try {
                entries.add(entry.toEntry(where + " (" + entry.id() + ")"));
            } catch (IllegalArgumentException e) {
                throw new RegistryException(where + ": " + e.getMessage());
            }
        }
        return entries;
    }

    /** A value of the wrong kind or an unknown key, said the way the file's writer thinks of it. */
    private static String bindingProblem(JsonMappingException e, JsonNode tree, String source) {
        List<JsonMappingException.Reference> path = e.getPath();
        String at = source + (e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? ":" + e.getLocation().getLineNr() : "");
        if (path.size() <= 1 && e instanceof UnrecognizedPropertyException unknown) {
            return at + ": unknown top-level key '" + unknown.getPropertyName() + "'; expected only 'cameras'";
        }
        if (path.size() <= 1) {
            return at + ": 'cameras' must be a list of cameras, each starting with '- id:'";
        }
        int index = path.get(1).getIndex();
        JsonNode id = tree.path("cameras").path(index).path("id");
        String camera = at + ", camera #" + (index + 1) + (id.isValueNode() ? " (" + id.asText() + ")" : "");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return camera + ": unknown setting '" + unknown.getPropertyName() + "'; known: " + String.join(", ", FIELDS);
        }
        if (path.size() == 2) {
            return camera + " must be a map of settings (id: ..., url: ...)";
        }
        String field = path.get(2).getFieldName();
        Object value = e instanceof InvalidFormatException invalid ? invalid.getValue()
                : tree.path("cameras").path(index).path(field).asText();
        return camera + ": " + field + " must be " + KINDS.getOrDefault(field, "text") + ", got '"
                + StreamUrls.mask(String.valueOf(value)) + "'";
    }

    /** The line each camera of the list starts on, for messages about what only binding can tell. */
    private static List<Integer> entryLines(String yaml) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean cameras = parser.currentName().equals("cameras");
                JsonToken value = parser.nextToken();
                if (cameras && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        lines.add(parser.currentTokenLocation().getLineNr());
                        parser.skipChildren();
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

    /** The file's shape; Jackson refuses any other key. */
    record CamerasFile(List<Entry> cameras) {}

    /** One camera as written; null for what it leaves out. */
    record Entry(String id, String url, Boolean enabled, Double fps, Boolean realtime, Integer width,
            Integer height, JsonNode roi, String transport) {

        CameraEntry toEntry(String where) {
            return CameraEntry.builder(id, url)
                    .enabled(enabled == null || enabled)
                    .realtime(realtime != null && realtime)
                    .fps(fps)
                    .size(width, height)
                    .roi(CamerasYaml.roi(roi, where))
                    .transport(CamerasYaml.transport(transport, where))
                    .build();
        }
    }

    /** {@code [x, y, width, height]} or {@code "x,y,width,height"}. */
    private static Roi roi(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Roi.parse(value.asText());
        }
        if (!value.isArray() || value.size() != 4) {
            throw new RegistryException(where + ": roi must be [x, y, width, height] in source pixels");
        }
        int[] numbers = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!value.get(i).isIntegralNumber() || !value.get(i).canConvertToInt()) {
                throw new RegistryException(where + ": roi must be [x, y, width, height] in source pixels, got "
                        + value);
            }
            numbers[i] = value.get(i).intValue();
        }
        return Roi.of(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    private static CameraSpec.Transport transport(String value, String where) {
        if (value == null) {
            return null;
        }
        for (CameraSpec.Transport transport : CameraSpec.Transport.values()) {
            if (transport.name().equalsIgnoreCase(value)) {
                return transport;
            }
        }
        throw new RegistryException(where + ": transport must be tcp or udp, got '" + value + "'");
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }
}
