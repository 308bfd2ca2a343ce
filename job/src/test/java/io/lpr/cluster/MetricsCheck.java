package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.testing.PrometheusScrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Scrapes every process of a running cluster's Prometheus reporters and checks what a user watches. */
final class MetricsCheck {
    private static final Pattern METRIC = Pattern.compile("\\b(flink_[a-zA-Z0-9_]+)");
    /** A URL's user:password@ in clear (a masked one, user:***@, is no leak). */
    private static final Pattern USERINFO = Pattern.compile("://[^/@\\s]*:(?!\\*\\*\\*@)[^/@\\s]*@");

    private MetricsCheck() {}

    /** Every live process's scrape, together. */
    static PrometheusScrape scrape(LocalCluster cluster) throws Exception {
        PrometheusScrape scrape = new PrometheusScrape(List.of());
        for (LocalCluster.Member m : cluster.members()) {
            if (m.alive()) {
                int port = cluster.metricsPort(m.role()).orElseThrow(() -> new AssertionError("no metrics port for " + m.role()));
                scrape = scrape.plus(PrometheusScrape.of(port));
            }
        }
        return scrape;
    }

    /**
     * The scrape of a job reading {@code camera}: its per-camera metrics labelled with the camera's id, the models'
     * and sinks' metrics, every metric the Grafana dashboard plots, and none of {@code secrets} in a name or label.
     */
    static void assertScrape(PrometheusScrape scrape, String camera, List<String> secrets) throws Exception {
        Set<String> names = scrape.samples().stream().map(PrometheusScrape.Sample::name).collect(Collectors.toCollection(TreeSet::new));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "prometheus-metric-names.txt"), names);

        // Per camera, labelled with the camera id.
        for (String metric : List.of("framesDecoded", "framesAnalysed", "framesDropped", "reconnects", "lagMillis")) {
            assertThat(scrape.named("flink_taskmanager_job_task_operator_camera_" + metric))
                    .as("camera metric %s", metric)
                    .anySatisfy(s -> assertThat(s.labels()).containsEntry("camera", camera));
        }
        // The models (throughput, batches, queue wait, forward time) and the sinks.
        assertThat(names).contains("flink_taskmanager_job_task_operator_framesDetected",
                "flink_taskmanager_job_task_operator_platesRead", "flink_taskmanager_job_task_operator_plateEvents",
                "flink_taskmanager_job_task_operator_model_batches", "flink_taskmanager_job_task_operator_model_requests",
                "flink_taskmanager_job_task_operator_model_queueWaitMillis",
                "flink_taskmanager_job_task_operator_model_forwardMillis");
        assertThat(scrape.named("flink_taskmanager_job_task_operator_numRecordsIn"))
                .as("events into the sinks").anySatisfy(s -> assertThat(s.labels().get("operator_name")).startsWith("sink"));
        assertNoCredential(scrape, secrets);

        // Every metric the Grafana dashboard plots exists.
        Path file = Path.of(System.getProperty("lpr.home"), "deploy", "grafana", "lpr-dashboard.json");
        JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
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

    /** No secret, and no URL with its password in clear, in any metric's name or label. */
    static void assertNoCredential(PrometheusScrape scrape, List<String> secrets) {
        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(scrape.samples()).as("metric names and labels").allSatisfy(s -> {
            List<String> texts = new java.util.ArrayList<>(s.labels().values());
            texts.add(s.name());
            assertThat(texts).noneMatch(v -> secrets.stream().anyMatch(v::contains) || USERINFO.matcher(v).find());
        });
    }
}
