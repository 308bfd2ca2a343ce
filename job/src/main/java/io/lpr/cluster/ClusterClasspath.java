package io.lpr.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a Flink distribution's {@code lib/} and {@code plugins/} hold, taken from the job module's compile
 * classpath (Flink's provided artifacts and the job's own dependencies, as Maven resolved them).
 *
 * <p>{@code lib/} gets Flink, logging and the native-bearing libraries (DJL with its PyTorch and ONNX Runtime
 * engines, JavaCPP, FFmpeg, OpenCV): a native library can be loaded by one class loader per JVM only, so these
 * must come from the task manager's own class loader, loaded parent-first
 * ({@code classloader.parent-first-patterns.additional} in {@code flink-conf/cluster/config.yaml}), and stay
 * loaded when a job restarts or is resubmitted. What only the job uses (connectors, JDBC drivers, the CLI) is
 * left to the job jar. The Prometheus reporter is a plugin, loaded by its own class loader.
 */
public record ClusterClasspath(List<Path> lib, List<Path> prometheusPlugin) {
    /** Artifacts that belong to the job jar, not to the cluster. */
    private static final List<String> JOB_ONLY = List.of(
            "flink-connector-kafka", "kafka-clients", "sqlite-jdbc", "postgresql-", "picocli-",
            "lpr-");
    private static final String PROMETHEUS = "flink-metrics-prometheus-";

    public static ClusterClasspath of(List<Path> classpath) {
        List<Path> lib = new ArrayList<>();
        List<Path> prometheus = new ArrayList<>();
        for (Path entry : classpath) {
            String name = entry.getFileName().toString();
            if (!name.endsWith(".jar") || !Files.isRegularFile(entry)) {
                continue; // class folders are the job's own code, which comes in the job jar
            }
            if (name.startsWith(PROMETHEUS)) {
                prometheus.add(entry);
            } else if (JOB_ONLY.stream().noneMatch(name::startsWith)) {
                lib.add(entry);
            }
        }
        require(lib, n -> n.startsWith("flink-runtime-web-"), "flink-runtime-web");
        require(lib, n -> n.startsWith("flink-rpc-akka-loader-"), "flink-rpc-akka-loader");
        require(lib, n -> n.startsWith("pytorch-engine-"), "DJL's pytorch-engine");
        if (prometheus.isEmpty()) {
            throw new IllegalArgumentException("the classpath lacks " + PROMETHEUS + "*.jar");
        }
        return new ClusterClasspath(List.copyOf(lib), List.copyOf(prometheus));
    }

    /** The classpath in a file, {@code :}-separated (what {@code dependency:build-classpath} writes). */
    public static ClusterClasspath fromFile(Path file) throws IOException {
        return of(split(Files.readString(file).trim()));
    }

    public static List<Path> split(String classpath) {
        List<Path> paths = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    public String libClasspath() {
        return String.join(java.io.File.pathSeparator, lib.stream().map(Path::toString).toList());
    }

    private static void require(List<Path> lib, Predicate<String> name, String what) {
        if (lib.stream().map(p -> p.getFileName().toString()).noneMatch(name)) {
            throw new IllegalArgumentException("the classpath lacks " + what + " (build with mvn -pl job -am compile)");
        }
    }
}
