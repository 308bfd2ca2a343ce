package io.lpr.settings;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;

/**
 * Which setting keys mean something: every {@code lpr.*} key is one of {@link LprOptions#HOLDERS}'s; any other key must be
 * one Flink has an option for (or a family Flink reads by prefix, such as a metrics reporter's). A misspelt key
 * is refused with the nearest valid one named, instead of being silently ignored.
 */
public final class SettingKeys {
    /** Families of keys Flink reads by prefix rather than as declared options. */
    private static final List<String> FLINK_PREFIXES = List.of("metrics.reporter.", "external-resource.", "fs.", "s3.",
            // Options of modules a cluster may add (state backends, resource providers) that ./lpr does not carry.
            "state.backend.rocksdb.", "state.backend.forst.", "kubernetes.", "yarn.");
    /** Jars (or class folders) whose {@code *Options} classes declare Flink's options. */
    private static final List<String> FLINK_ANCHORS = List.of(CoreOptions.class.getName(),
            "org.apache.flink.runtime.jobgraph.JobGraph", "org.apache.flink.streaming.api.graph.StreamGraph",
            "org.apache.flink.client.cli.CliFrontend");

    private static Set<String> lprKeys;
    private static Set<String> flinkKeys;

    private SettingKeys() {}

    /** @throws IllegalArgumentException naming the key and the nearest valid one */
    public static void requireKnown(String key) {
        if (key.startsWith("lpr.")) {
            if (!lpr().contains(key) && !key.startsWith(KafkaOptions.PROPERTIES_PREFIX)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'" + nearest(key, lpr()));
            }
        } else if (FLINK_PREFIXES.stream().noneMatch(key::startsWith) && !flink().contains(key)) {
            throw new IllegalArgumentException("unknown setting '" + key + "': neither an lpr setting nor a Flink option"
                    + nearest(key, flink()));
        }
    }

    private static synchronized Set<String> lpr() {
        if (lprKeys == null) {
            Set<String> keys = new HashSet<>();
            LprOptions.HOLDERS.forEach(holder -> keys.addAll(keysOf(holder)));
            lprKeys = keys;
        }
        return lprKeys;
    }

    private static synchronized Set<String> flink() {
        if (flinkKeys == null) {
            Set<String> keys = new HashSet<>();
            for (String anchor : FLINK_ANCHORS) {
                optionClasses(anchor).forEach(type -> keys.addAll(keysOf(type)));
            }
            flinkKeys = keys;
        }
        return flinkKeys;
    }

    private static String nearest(String key, Set<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(key, c)).thenComparing(c -> c))
                .filter(best -> distance(key, best) <= Math.max(3, key.length() / 4))
                .map(best -> "; did you mean '" + best + "'?")
                .orElse("");
    }

    /** Levenshtein distance: edits (insert, delete, replace) from a to b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Set<String> keysOf(Class<?> type) {
        Set<String> keys = new HashSet<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    keys.add(option.key());
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        keys.add(fallback.getKey());
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    // An option class that cannot be read declares nothing we can check against.
                }
            }
        }
        return keys;
    }

    /** The {@code *Options} classes in the jar or folder {@code anchor} comes from. */
    private static Stream<Class<?>> optionClasses(String anchor) {
        List<String> names;
        try {
            Class<?> type = Class.forName(anchor, false, SettingKeys.class.getClassLoader());
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            names = Files.isDirectory(location) ? classesIn(location) : classesInJar(location);
        } catch (ClassNotFoundException | URISyntaxException | IOException | RuntimeException e) {
            return Stream.empty();
        }
        return names.stream()
                .filter(name -> name.startsWith("org/apache/flink/") && name.endsWith("Options.class") && !name.contains("$"))
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .<Class<?>>map(SettingKeys::load)
                .filter(type -> type != null);
    }

    private static List<String> classesInJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(entry -> entry.getName()).toList();
        }
    }

    private static List<String> classesIn(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SettingKeys.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
