package io.lpr.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lpr.cli.LprCli;
import io.lpr.cluster.JobSubmission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy files that cannot run here (Docker, Kubernetes), checked as far as they can be: they parse, the
 * image's build context is made by its script and holds what the Dockerfile copies, and the settings, paths
 * and flags they name are the ones the cluster test runs with.
 */
class DeployFilesIT {
    static final Path HOME = Path.of(System.getProperty("lpr.home"));
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Configuration CLUSTER = GlobalConfiguration.loadConfiguration(
            HOME.resolve("flink-conf").resolve("cluster").toString());

    @TempDir
    Path dir;

    @Test
    void theImageContextHoldsWhatTheDockerfileCopies() throws Exception {
        Path context = dir.resolve("context");
        Process prepare = new ProcessBuilder("bash", HOME.resolve("deploy/docker/prepare.sh").toString(), context.toString())
                .redirectErrorStream(true).start();
        String output = new String(prepare.getInputStream().readAllBytes());
        assertThat(prepare.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(prepare.exitValue()).as(output).isZero();

        for (String line : Files.readAllLines(context.resolve("Dockerfile"))) {
            if (line.startsWith("COPY ")) {
                assertThat(context.resolve(line.split("\\s+")[1])).as(line).exists();
            }
        }
        assertThat(names(context.resolve("lib"))).anyMatch(n -> n.startsWith("pytorch-engine-"))
                .anyMatch(n -> n.startsWith("pytorch-native-cpu-")).anyMatch(n -> n.startsWith("onnxruntime-"))
                .anyMatch(n -> n.startsWith("javacpp-")).anyMatch(n -> n.startsWith("ffmpeg-"))
                .noneMatch(n -> n.startsWith("flink-")).noneMatch(n -> n.startsWith("lpr-"));
        assertThat(names(context.resolve("plugins/metrics-prometheus"))).anyMatch(n -> n.startsWith("flink-metrics-prometheus-"));
        assertThat(Files.readString(context.resolve("conf/config.yaml")))
                .isEqualTo(Files.readString(HOME.resolve("flink-conf/cluster/config.yaml")));
    }

    @Test
    void composeBuildsThatImageAndTakesThePasswordFromTheEnvironment() throws Exception {
        Path compose = HOME.resolve("deploy/compose/docker-compose.yaml");
        JsonNode flink = YAML.readTree(compose.toFile()).path("x-flink");
        assertThat(compose.getParent().resolve(flink.path("build").path("context").asText()).normalize())
                .isEqualTo(HOME.resolve("job/target/docker-context"));
        assertThat(flink.path("environment").path("LPR_DB_PASSWORD").asText()).startsWith("${LPR_DB_PASSWORD");
        for (JsonNode volume : flink.path("volumes")) {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                // models/weights is what models/fetch fills
                Path path = compose.getParent().resolve(source).normalize();
                assertThat(path.equals(HOME.resolve("models/weights")) ? HOME.resolve("models/fetch") : path)
                        .as(volume.asText()).exists();
            }
        }
    }

    @Test
    void kubernetesRunsTheSameSettingsJarAndFlags() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class)
                .readValues(HOME.resolve("deploy/kubernetes/flink-deployment.yaml").toFile())) {
            it.forEachRemaining(docs::add);
        }
        JsonNode spec = docs.get(0).path("spec");
        JsonNode conf = spec.path("flinkConfiguration");
        assertThat(conf.path("classloader.parent-first-patterns.additional").asText().split(";"))
                .containsExactlyElementsOf(CLUSTER.get(org.apache.flink.configuration.CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL));
        for (String key : List.of("metrics.reporters", "metrics.reporter.prom.factory.class", "metrics.reporter.prom.port",
                "env.java.opts.all", "execution.checkpointing.interval", "state.backend.type", "restart-strategy.type")) {
            assertThat(conf.path(key).asText()).as(key).isEqualTo(CLUSTER.toMap().get(key));
        }
        JsonNode env = spec.path("podTemplate").path("spec").path("containers").path(0).path("env").path(0);
        assertThat(env.path("name").asText()).isEqualTo("LPR_DB_PASSWORD");
        assertThat(env.path("valueFrom").has("secretKeyRef")).isTrue();

        JsonNode job = spec.path("job");
        assertThat(job.path("entryClass").asText()).isEqualTo(JobSubmission.ENTRY_CLASS);
        String dockerfile = Files.readString(HOME.resolve("deploy/docker/Dockerfile"));
        assertThat(dockerfile).contains(job.path("jarURI").asText().replace("local://", "") + "\n");
        List<String> args = new ArrayList<>(List.of("run"));
        job.path("args").forEach(a -> args.add(a.asText()));
        LprCli.commandLine().parseArgs(args.toArray(String[]::new)); // every flag exists
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
