package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.testing.PrometheusScrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Scrapes every process of a running cluster's Prometheus reporters and checks what a user watches. */
final class MetricsCheck {
    static final Path DASHBOARD = Path.of(System.getProperty("lpr.home"), "deploy", "grafana", "lpr-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\b(flink_[a-zA-Z0-9_]+)");

    private MetricsCheck() {}

    static void assertScrape(LocalCluster cluster, String secret) throws Exception {
        PrometheusScrape scrape = new PrometheusScrape(java.util.List.of());
        for (LocalCluster.Member m : cluster.members()) {
            if (m.alive()) {
                int port = cluster.metricsPort(m.role()).orElseThrow(() -> new AssertionError("no metrics port for " + m.role()));
                scrape = scrape.plus(PrometheusScrape.of(port));
            }
        }
        Set<String> names = scrape.samples().stream().map(PrometheusScrape.Sample::name).collect(Collectors.toCollection(TreeSet::new));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "prometheus-metric-names.txt"), names);

        // Per camera, labelled with the camera id.
        for (String metric : java.util.List.of("framesDecoded", "framesAnalysed", "framesDropped", "reconnects", "lagMillis")) {
            assertThat(scrape.named("flink_taskmanager_job_task_operator_camera_" + metric))
                    .as("camera metric %s", metric)
                    .anySatisfy(s -> assertThat(s.labels()).containsEntry("camera", "a"));
        }
        // The models (throughput, batches, queue wait, forward time) and the sinks.
        assertThat(names).contains("flink_taskmanager_job_task_operator_framesDetected",
                "flink_taskmanager_job_task_operator_platesRead", "flink_taskmanager_job_task_operator_plateEvents",
                "flink_taskmanager_job_task_operator_model_batches", "flink_taskmanager_job_task_operator_model_requests",
                "flink_taskmanager_job_task_operator_model_queueWaitMillis",
                "flink_taskmanager_job_task_operator_model_forwardMillis");
        assertThat(scrape.named("flink_taskmanager_job_task_operator_numRecordsIn"))
                .as("events into the sinks").anySatisfy(s -> assertThat(s.labels().get("operator_name")).startsWith("sink"));
        // No credential in any label.
        assertThat(scrape.samples()).allSatisfy(s -> assertThat(s.labels().values())
                .noneMatch(v -> v.contains(secret) || v.matches(".*://[^/]*:[^/]*@.*")));

        // Every metric the Grafana dashboard plots exists.
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> plotted = new TreeSet<>();
        dashboard.findValues("expr").forEach(e -> {
            Matcher m = METRIC.matcher(e.asText());
            while (m.find()) {
                plotted.add(m.group(1));
            }
        });
        assertThat(plotted).as("metrics the dashboard plots").isNotEmpty();
        assertThat(names).as("a real scrape").containsAll(plotted);
    }
}
