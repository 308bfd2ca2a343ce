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

    @Test
    void aClasspathWithATestJarIsRefusedInOneLine() {
        Path m2 = dir.resolve("repo");
        List<Path> classpath = List.of("flink-runtime-2.2.1.jar", "flink-runtime-web-2.2.1.jar",
                        "flink-rpc-akka-loader-2.2.1.jar", "pytorch-engine-0.36.0.jar", "flink-metrics-prometheus-2.2.1.jar",
                        "junit-jupiter-api-5.11.4.jar", "kafka_2.13-4.2.0.jar")
                .stream().map(n -> jar(m2, n)).toList();
        assertThatThrownBy(() -> ClusterClasspath.of(classpath)).isInstanceOf(ClusterException.class)
                .hasMessageContaining("junit-jupiter-api-5.11.4.jar, kafka_2.13-4.2.0.jar").hasMessageNotContaining("\n");
    }

    @Test
    void anUnreachableClusterIsOneLineNamingTheAddress() throws Exception {
        int port = LocalCluster.freePort(); // nothing listens there
        assertThatThrownBy(() -> JobSubmission.submit(new RestApi("127.0.0.1:" + port), jar(dir, "job.jar"), List.of(), null))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("no Flink cluster answers at 127.0.0.1:" + port
                        + " (connection refused): start one with `lpr cluster start`, or check --cluster HOST:PORT");
    }

    @Test
    void aRefusedRunIsTheDeepestCausesMessageOnOneLine() {
        String trace = """
                org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.
                \tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$1(JarRunHandler.java:114)
                Caused by: java.util.concurrent.CompletionException: org.apache.flink.util.FlinkRuntimeException: Could not execute application.
                \tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:315)
                Caused by: org.apache.flink.client.program.ProgramInvocationException: The main method caused an error: this Flink cluster lacks the job's native libraries in its lib/: org.bytedeco:javacv
                \tat org.apache.flink.client.program.PackagedProgram.callMainMethod(PackagedProgram.java:373)
                Caused by: java.lang.IllegalStateException: this Flink cluster lacks the job's native libraries in its lib/: org.bytedeco:javacv
                \t... 12 more
                """;
        assertThat(RestApi.cause(trace)).isEqualTo("this Flink cluster lacks the job's native libraries in its lib/: org.bytedeco:javacv");
    }

    @Test
    void aTaskManagerSizeTooSmallNamesTheMinimumFlinkAccepts() throws Exception {
        // The cluster's configuration with only the process size lowered: its 2g task off-heap no longer fits in 3g.
        Path conf = Path.of(System.getProperty("lpr.home", ".."), "flink-conf", "cluster");
        var small = org.apache.flink.configuration.GlobalConfiguration.loadConfiguration(conf.toString(),
                org.apache.flink.configuration.Configuration.fromMap(java.util.Map.of("taskmanager.memory.process.size", "3g")));
        assertThatThrownBy(() -> MemoryCheck.check(small)).isInstanceOf(ClusterException.class)
                .hasMessageStartingWith("taskmanager.memory.process.size=3g is too small for the other taskmanager.memory"
                        + " settings: the minimum is ")
                .hasMessageNotContaining("\n")
                .satisfies(e -> {
                    long minimum = Long.parseLong(e.getMessage().replaceAll(".*the minimum is (\\d+)m.*", "$1"));
                    // Flink accepts the minimum, and refuses one megabyte less.
                    MemoryCheck.check(with(small, minimum));
                    assertThatThrownBy(() -> MemoryCheck.check(with(small, minimum - 1))).isInstanceOf(ClusterException.class);
                });
        // The README's example: the same size with smaller fixed parts, as ClusterFailoverIT starts its cluster.
        MemoryCheck.check(org.apache.flink.configuration.GlobalConfiguration.loadConfiguration(conf.toString(),
                org.apache.flink.configuration.Configuration.fromMap(java.util.Map.of("taskmanager.memory.process.size", "3g",
                        "taskmanager.memory.task.off-heap.size", "1g", "taskmanager.memory.managed.size", "256m"))));
    }

    private static org.apache.flink.configuration.Configuration with(org.apache.flink.configuration.Configuration c, long mb) {
        var copy = new org.apache.flink.configuration.Configuration(c);
        copy.set(org.apache.flink.configuration.TaskManagerOptions.TOTAL_PROCESS_MEMORY,
                org.apache.flink.configuration.MemorySize.ofMebiBytes(mb));
        return copy;
    }

    @Test
    void afterAJobManagerDiedTheJobsItRanResumeFromTheirLatestCompletedCheckpoint() throws Exception {
        String running = "a".repeat(32);
        String cancelled = "b".repeat(32);
        String earlier = "c".repeat(32);
        Path log = Files.writeString(dir.resolve("jobmanager.log"), String.join("\n",
                "INFO Job lpr (" + earlier + ") switched from state CREATED to RUNNING.",
                "INFO Starting StandaloneSessionClusterEntrypoint (Version: 2.2.1)",
                "INFO Job lpr (" + running + ") switched from state CREATED to RUNNING.",
                "INFO Job lpr (" + cancelled + ") switched from state CREATED to RUNNING.",
                "INFO Job lpr (" + running + ") switched from state RUNNING to RESTARTING.",
                "INFO Job lpr (" + running + ") switched from state RESTARTING to RUNNING.",
                "INFO Job lpr (" + cancelled + ") switched from state RUNNING to CANCELLING.",
                "INFO Job lpr (" + cancelled + ") switched from state CANCELLING to CANCELED.", ""));
        Path checkpoints = dir.resolve("checkpoints");
        Files.createDirectories(checkpoints.resolve(running).resolve("chk-9"));
        Files.createFile(Files.createDirectories(checkpoints.resolve(running).resolve("chk-8")).resolve("_metadata"));
        Files.createFile(Files.createDirectories(checkpoints.resolve(running).resolve("chk-10")).resolve("_metadata"));
        Files.createDirectories(checkpoints.resolve(running).resolve("chk-11")); // in progress when it died

        List<Recovery.Resumable> jobs = Recovery.resumable(log, checkpoints);
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.jobId()).isEqualTo(running);
            assertThat(job.checkpoint()).contains(checkpoints.resolve(running).resolve("chk-10"));
            assertThat(job.line("127.0.0.1:8081")).isEqualTo("job " + running + " was running when the JobManager died:"
                    + " resume it with its own flags and `lpr run --cluster 127.0.0.1:8081 --from-savepoint "
                    + checkpoints.resolve(running).resolve("chk-10") + " ...`");
        });
    }

    @Test
    void stopRemovesWhatTheClusterMadeAndKeepsWhatIsTheUsers() throws Exception {
        Path clusterDir = dir.resolve("cluster");
        for (String made : List.of("tmp/blobStore-1/job.jar", "uploads/x_lpr-job.jar", "plugins/metrics-prometheus/p.jar",
                "log/jobmanager.log", "checkpoints/j/chk-1/_metadata", "savepoints/savepoint-1/_metadata")) {
            Files.createDirectories(clusterDir.resolve(made).getParent());
            Files.write(clusterDir.resolve(made), new byte[1024]);
        }
        Files.writeString(clusterDir.resolve("cluster.properties"), "rest.port=1\n");
        LocalCluster.Stopped stopped = new LocalCluster(clusterDir, LocalCluster.freePort()).stopAndClean();
        assertThat(stopped.removed()).containsExactly("tmp", "uploads", "plugins", "cluster.properties");
        assertThat(stopped.kept()).containsExactly("log/", "checkpoints/", "savepoints/");
        try (var left = Files.walk(clusterDir)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> clusterDir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("log/jobmanager.log", "checkpoints/j/chk-1/_metadata", "savepoints/savepoint-1/_metadata");
        }
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
