package io.lpr.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.camera.StreamUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cameras from a YAML file, read afresh on every poll:
 *
 * <pre>
 * cameras:
 *   - id: gate1
 *     url: rtsp://${GATE_USER}:${GATE_PASS}@10.0.0.5/stream1   # from the environment, never logged
 *     fps: 5            # frames analysed per second; default the job's (every frame without one)
 *     enabled: true     # default true; false stops the camera
 *   - id: yard
 *     url: /videos/yard.mp4
 *     realtime: true    # play a file at its own frame rate
 *     width: 1280       # resize analysed frames; 0 and 0 keep the native size
 *     height: 720
 *   - id: lane2
 *     url: rtsp://10.0.0.6/stream1
 *     transport: udp    # default tcp
 *     roi: [640, 360, 1280, 720]   # x, y, width, height in source pixels
 * </pre>
 *
 * A file with any error (bad YAML, an unknown field, a bad value, an id twice) is refused as a
 * whole, with one line naming the problem, so a typo never stops cameras that are running.
 */
public final class YamlCameraRegistry implements CameraRegistry {
    private static final long serialVersionUID = 1L;

    private static final Set<String> FIELDS =
            new TreeSet<>(List.of("id", "url", "enabled", "fps", "realtime", "width", "height", "roi", "transport"));
    private static final ObjectMapper YAML = new YAMLMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** A String, as {@link Path} is not serializable. */
    private final String file;
    private final CameraDefaults defaults;

    private YamlCameraRegistry(Path file, CameraDefaults defaults) {
        this.file = file.toString();
        this.defaults = defaults;
    }

    /**
     * Reads {@code file} once now, so a missing or broken file stops the job before it starts.
     *
     * @throws RegistryException with a one-line reason
     */
    public static YamlCameraRegistry open(Path file) {
        return open(file, CameraDefaults.NONE);
    }

    /** As {@link #open(Path)}, with job-wide settings for what a camera's entry leaves out. */
    public static YamlCameraRegistry open(Path file, CameraDefaults defaults) {
        YamlCameraRegistry registry = new YamlCameraRegistry(file.toAbsolutePath().normalize(), defaults);
        registry.poll();
        return registry;
    }

    @Override
    public List<CameraSpec> poll() {
        return CameraEntry.toSpecs(entries(), defaults, toString());
    }

    /** Every camera in the file, disabled ones included. */
    public List<CameraEntry> entries() {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new RegistryException(this + " does not exist");
        } catch (IOException e) {
            throw new RegistryException(this + " cannot be read: " + e.getMessage(), e);
        }
        return parse(text, toString());
    }

    @Override
    public boolean isDynamic() {
        return true;
    }

    @Override
    public String toString() {
        return "camera file " + file;
    }

    /**
     * @param source names the text in error messages
     * @throws RegistryException naming the first problem
     */
    private static List<CameraEntry> parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new RegistryException(source + " is not valid YAML" + where(e.getLocation()) + ": "
                    + StreamUrls.mask(firstLine(e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new RegistryException(source + " is empty; expected a 'cameras:' list");
        }
        if (!root.isObject()) {
            throw new RegistryException(source + " has no 'cameras:' list at its top level");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("cameras")) {
                throw new RegistryException(source + ": unknown top-level key '" + key + "'; expected only 'cameras'");
            }
        }
        if (!root.has("cameras")) {
            throw new RegistryException(source + " has no 'cameras:' list at its top level");
        }
        JsonNode cameras = root.get("cameras");
        if (cameras.isNull()) {
            return List.of();
        }
        if (!cameras.isArray()) {
            throw new RegistryException(source + ": 'cameras' must be a list of cameras, each starting with '- id:'");
        }
        List<CameraEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cameras.size(); i++) {
            CameraEntry entry = entry(cameras.get(i), source + ", camera #" + (i + 1));
            if (!ids.add(entry.id())) {
                throw new RegistryException(source + ": camera id '" + entry.id() + "' is given more than once");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static CameraEntry entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new RegistryException(where + " must be a map of settings (id: ..., url: ...)");
        }
        JsonNode id = node.get("id");
        boolean hasId = id != null && (id.isTextual() || id.isIntegralNumber());
        String name = hasId ? where + " (" + id.asText() + ")" : where;
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!FIELDS.contains(key)) {
                throw new RegistryException(name + ": unknown setting '" + key + "'; known: " + String.join(", ", FIELDS));
            }
        }
        if (!hasId) {
            throw new RegistryException(where + " has no id (id: gate1)");
        }
        JsonNode url = node.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new RegistryException(name + " has no url (a video file path or a stream URL)");
        }
        try {
            return CameraEntry.of(id.asText(), url.asText())
                    .withEnabled(bool(node, "enabled", true, name))
                    .withRealtime(bool(node, "realtime", false, name))
                    .withFps(node.has("fps") ? number(node, "fps", name) : null)
                    .withSize(integer(node, "width", name), integer(node, "height", name))
                    .withRoi(roi(node.get("roi"), name))
                    .withTransport(transport(node.get("transport"), name));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(where + ": " + e.getMessage());
        }
    }

    private static boolean bool(JsonNode node, String field, boolean otherwise, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new RegistryException(where + ": " + field + " must be true or false, got '" + value.asText() + "'");
        }
        return value.booleanValue();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw new RegistryException(where + ": " + field + " must be a number, got '" + value.asText() + "'");
        }
        return value.doubleValue();
    }

    private static Integer integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new RegistryException(where + ": " + field + " must be a whole number, got '" + value.asText() + "'");
        }
        return value.intValue();
    }

    /** {@code [x, y, width, height]} or {@code "x,y,width,height"}. */
    private static Roi roi(JsonNode value, String where) {
        if (value == null) {
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

    private static CameraSpec.Transport transport(JsonNode value, String where) {
        if (value == null) {
            return null;
        }
        for (CameraSpec.Transport transport : CameraSpec.Transport.values()) {
            if (transport.name().equalsIgnoreCase(value.asText())) {
                return transport;
            }
        }
        throw new RegistryException(where + ": transport must be tcp or udp, got '" + value.asText() + "'");
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
