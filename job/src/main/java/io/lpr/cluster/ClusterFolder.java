package io.lpr.cluster;

import io.lpr.util.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local cluster's folder, split into what the cluster makes for itself (blob caches and temporary files in
 * tmp/, uploaded jars, the plugin copy, pid and settings files), which stop removes, and what is the user's
 * (logs, checkpoints, savepoints), which it keeps.
 */
final class ClusterFolder {
    static final List<String> CLUSTER_MADE = List.of("tmp", "uploads", "plugins", "pid", "lib.classpath", "cluster.properties");
    static final List<String> USER_OWNED = List.of("log", "checkpoints", "savepoints");

    /** What {@link #removeWhatTheClusterMade} removed, and how many bytes that freed. */
    record Removed(List<String> paths, long bytes) {}

    private final Path dir;

    ClusterFolder(Path dir) {
        this.dir = dir;
    }

    Removed removeWhatTheClusterMade() throws IOException {
        List<String> removed = new ArrayList<>();
        long bytes = 0;
        for (String made : CLUSTER_MADE) {
            Path path = dir.resolve(made);
            if (Files.exists(path)) {
                bytes += size(path);
                Folders.deleteTree(path);
                removed.add(made);
            }
        }
        return new Removed(removed, bytes);
    }

    /** The user's folders that exist, each as {@code name/}. */
    List<String> kept() {
        List<String> kept = new ArrayList<>();
        for (String owned : USER_OWNED) {
            if (Files.exists(dir.resolve(owned))) {
                kept.add(owned + "/");
            }
        }
        return kept;
    }

    /** Before a start: nothing left from an earlier cluster's processes, and a log folder to write to. */
    void prepareForStart() throws IOException {
        for (String sub : List.of("pid", "plugins", "tmp", "uploads")) {
            Folders.deleteTree(dir.resolve(sub));
        }
        Files.createDirectories(dir.resolve("log"));
    }

    private static long size(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
