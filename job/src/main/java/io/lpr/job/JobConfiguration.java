package io.lpr.job;

import io.lpr.settings.SettingKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.flink.configuration.Configuration;

/**
 * Builds the job's {@link Configuration} from, in rising priority: a YAML file (nested or dotted keys,
 * lists as YAML lists), {@code key=value} overrides, then the values of dedicated CLI flags.
 */
public final class JobConfiguration {
    private final Map<String, String> values = new LinkedHashMap<>();

    public JobConfiguration file(Path yaml) throws IOException {
        if (yaml == null) {
            return this;
        }
        if (!Files.isReadable(yaml)) {
            throw new IOException("config file not readable: " + yaml);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("config file " + yaml + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root != null && !root.isObject()) {
            throw new IOException("config file " + yaml + " must hold a mapping of settings");
        }
        if (root != null) {
            flatten("", root);
        }
        return this;
    }

    /** {@code key=value} pairs, as given to {@code --set}. */
    public JobConfiguration overrides(List<String> pairs) {
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set expects key=value, got '" + pair + "'");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return this;
    }

    public JobConfiguration set(String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    /** A list setting, each element taken whole: a {@code ;} inside one does not split it. */
    public JobConfiguration set(String key, List<String> list) {
        if (list != null && !list.isEmpty()) {
            values.put(key, listValue(list.stream()));
        }
        return this;
    }

    /** The configuration; an unknown key (a misspelt lpr setting, an option Flink does not have) is refused. */
    public Configuration build() {
        values.keySet().forEach(SettingKeys::requireKnown);
        return Configuration.fromMap(values);
    }

    /** Flink's list syntax: elements separated by {@code ;}, each quoted so that none is split. */
    private static String listValue(java.util.stream.Stream<String> elements) {
        return elements.map(e -> "'" + e.replace("'", "''") + "'").collect(Collectors.joining(";"));
    }

    private void flatten(String prefix, JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue());
            }
        } else if (node.isArray()) {
            values.put(prefix, listValue(StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText)));
        } else if (!node.isNull()) {
            values.put(prefix, node.asText());
        }
    }
}
