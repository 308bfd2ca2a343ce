package io.lpr.deploy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;

/**
 * The setting keys the code declares, read from the compiled classes on the test's classpath: every public
 * static {@link ConfigOption} field of a top-level {@code *Options} class, whatever its package, so the check
 * follows the options wherever they move.
 */
final class OptionKeys {
    /** Flink keys read by prefix (a reporter's, Kubernetes' own: flink-kubernetes is the operator image's). */
    private static final List<String> FLINK_PREFIXES = List.of("metrics.reporter.", "kubernetes.");

    private final Set<String> lpr;
    private final Set<String> flink;

    private OptionKeys(Set<String> lpr, Set<String> flink) {
        this.lpr = lpr;
        this.flink = flink;
    }

    /** @param home the project: its own classes are lpr's, the flink-* jars Flink's */
    static OptionKeys fromClasspath(Path home) throws IOException {
        Set<String> lpr = new TreeSet<>();
        Set<String> flink = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (path.startsWith(home)) {
                lpr.addAll(keys(path, name -> name.startsWith("io/lpr/")));
            } else if (path.getFileName().toString().startsWith("flink-")) {
                flink.addAll(keys(path, name -> name.startsWith("org/apache/flink/")));
            }
        }
        return new OptionKeys(lpr, flink);
    }

    Set<String> lprKeys() {
        return lpr;
    }

    /** An lpr key the code declares, or a Flink key Flink declares (or reads by prefix). */
    boolean known(String key) {
        if (key.startsWith("lpr.")) {
            return lpr.contains(key);
        }
        return flink.contains(key) || FLINK_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static List<String> keys(Path location, Predicate<String> inPackage) throws IOException {
        List<String> classes;
        if (Files.isDirectory(location)) {
            try (Stream<Path> all = Files.walk(location)) {
                classes = all.map(p -> location.relativize(p).toString().replace(File.separatorChar, '/')).toList();
            }
        } else if (location.toString().endsWith(".jar") && Files.isRegularFile(location)) {
            try (JarFile jar = new JarFile(location.toFile())) {
                classes = jar.stream().map(e -> e.getName()).toList();
            }
        } else {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String name : classes) {
            if (inPackage.test(name) && name.endsWith("Options.class") && !name.contains("$")) {
                keys.addAll(keysOf(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
            }
        }
        return keys;
    }

    private static List<String> keysOf(String className) {
        List<String> keys = new ArrayList<>();
        Class<?> type;
        try {
            type = Class.forName(className, false, OptionKeys.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return keys; // a class of a module whose dependencies are not here declares nothing we use
        }
        Field[] fields;
        try {
            fields = type.getDeclaredFields();
        } catch (LinkageError e) {
            return keys;
        }
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                    && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    keys.add(option.key());
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        keys.add(fallback.getKey());
                    }
                } catch (IllegalAccessException | LinkageError | RuntimeException e) {
                    // as above
                }
            }
        }
        return keys;
    }
}
