package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSubmissionTest {
    @TempDir
    Path dir;

    @Test
    void theClusterGetsTheRunsFlagsWithLocalFilesAbsoluteAndWithoutCluster() throws Exception {
        Path video = Files.createFile(dir.resolve("gate.mp4"));
        Path relative = Path.of("").toAbsolutePath().relativize(video);
        List<String> args = JobSubmission.clusterArguments(List.of(
                "--cluster", "127.0.0.1:8081", "--camera", "gate=" + relative, "--camera=cam2=rtsp://10.0.0.5/s",
                "--models", "some/where", "--set", "lpr.camera.sample-fps=2", "--jar=/x.jar"), Path.of("/opt/models"));
        assertThat(args).containsExactly("--camera", "gate=" + video, "--camera", "cam2=rtsp://10.0.0.5/s",
                "--set", "lpr.camera.sample-fps=2", "--models", "/opt/models");
    }

    @Test
    void aBadClusterAddressIsOneLine() {
        assertThatThrownBy(() -> new RestApi("http://host:8081")).hasMessageContaining("HOST:PORT");
    }

    @Test
    void theClusterClasspathKeepsTheJobsOwnJarsOutAndThePrometheusReporterAside() {
        Path m2 = dir.resolve("repo");
        List<Path> classpath = List.of("flink-runtime-2.2.1.jar", "flink-runtime-web-2.2.1.jar",
                        "flink-rpc-akka-loader-2.2.1.jar", "pytorch-engine-0.36.0.jar", "javacpp-1.5.13.jar",
                        "flink-metrics-prometheus-2.2.1.jar", "flink-connector-kafka-5.0.0-2.2.jar", "kafka-clients-4.2.0.jar",
                        "postgresql-42.7.8.jar", "picocli-4.7.7.jar", "lpr-udf-0.1.0-SNAPSHOT.jar")
                .stream().map(n -> jar(m2, n)).toList();
        ClusterClasspath cp = ClusterClasspath.of(classpath);
        assertThat(cp.lib()).extracting(p -> p.getFileName().toString()).containsExactly("flink-runtime-2.2.1.jar",
                "flink-runtime-web-2.2.1.jar", "flink-rpc-akka-loader-2.2.1.jar", "pytorch-engine-0.36.0.jar", "javacpp-1.5.13.jar");
        assertThat(cp.prometheusPlugin()).extracting(p -> p.getFileName().toString())
                .containsExactly("flink-metrics-prometheus-2.2.1.jar");
    }

    private static Path jar(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), new byte[0]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
