package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lpr.alert.AlertOptions;
import io.lpr.alert.AlertsTable;
import io.lpr.alert.Webhook;
import io.lpr.alert.WebhookDelivery;
import io.lpr.camera.CameraOptions;
import io.lpr.db.Database;
import io.lpr.db.SinkOptions;
import io.lpr.event.Alert;
import io.lpr.events.EventStore;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.settings.KafkaOptions;
import io.lpr.settings.LprSettings;
import io.lpr.settings.SourceOptions;
import io.lpr.sink.RetentionConfig;
import io.lpr.testing.Await;
import io.lpr.source.CameraSource;
import io.lpr.testing.KafkaBroker;
import io.lpr.video.ClipScenario;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchLevel;
import io.lpr.watch.WatchTable;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch-list alerts end to end: the job on a MiniCluster, as {@code lpr run} wires it, on two labelled clips,
 * with the watch list in the table and in a YAML file; alerts to the table, a real Kafka broker (read
 * {@code read_committed}) and a real HTTP receiver that refuses its first requests.
 */
class AlertsJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir
    Path dir;

    @Test
    void watchedPlatesRaiseOneAlertPerPassageInTheTableTheTopicAndTheWebhook() throws Exception {
        List<ClipScenario> scenarios = ClipScenario.standardSet().stream()
                .filter(s -> s.name().equals("parked-occluded") || s.name().equals("side-by-side")).toList();
        EvalManifest manifest = LabelledClips.write(Paths.get(System.getProperty("lpr.test.images")), dir, scenarios);
        // The street shows the yard's car (parked there too) and another.
        Set<String> streetPlates = truth(manifest, "side-by-side.mp4");
        assertThat(streetPlates).contains("O459OO97").hasSize(2);
        String other = streetPlates.stream().filter(p -> !p.equals("O459OO97")).findFirst().orElseThrow();
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        Database sqlite = Database.of(db, null, null);
        EventStore.ensureSchema(sqlite);
        // O459OO97 in the table, for the yard only (at the street it is unwatched); the other street car in the file.
        new WatchTable(sqlite).ensureSchema().put(WatchEntry.of("O459OO97", true, "stolen", WatchLevel.ALERT, null, "yard"));
        Path yaml = dir.resolve("watch.yaml");
        Files.writeString(yaml, "watchlist:\n  - plate: " + other + "\n    level: info\n    cameras: [street]\n");

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger refuse = new AtomicInteger(2);
        Set<String> kept = Collections.synchronizedSet(new LinkedHashSet<>());
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean accept = refuse.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
            if (accept) {
                kept.add(exchange.getRequestHeaders().getFirst(Webhook.IDEMPOTENCY_KEY));
            }
            exchange.sendResponseHeaders(accept ? 200 : 503, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try {
            Configuration configuration = new JobConfiguration()
                    .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                    .set(SourceOptions.CAMERAS.key(), List.of("yard=" + dir.resolve("parked-occluded.mp4"),
                            "street=" + dir.resolve("side-by-side.mp4")))
                    .set(CameraOptions.SAMPLE_FPS.key(), "0")
                    .set(SinkOptions.JDBC_URL.key(), db)
                    .set(KafkaOptions.BOOTSTRAP.key(), KAFKA.bootstrap())
                    .set(AlertOptions.KAFKA_TOPIC.key(), "alerts")
                    .set(AlertOptions.WEBHOOK_URL.key(), hook)
                    .set(AlertOptions.WATCHLIST.key(), yaml.toString())
                    .set(AlertOptions.MIN_CONFIDENCE.key(), "0.5")
                    .set("pipeline.generic-types", "false")
                    .build();
            LprSettings settings = LprSettings.from(configuration);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
            env.setParallelism(1);
            CameraSource source = CameraSource.of(JobRunner.cameras(settings));
            LprTopology.build(env, source, settings, JobRunner.sinks(env, configuration, sqlite, RetentionConfig.DEFAULTS),
                    JobRunner.alerts(env, configuration, settings, source));
            env.execute("lpr-alerts-test");

            AlertsTable table = new AlertsTable(sqlite);
            List<Alert> alerts = table.query(new AlertsTable.Query(null, null, null, 100));
            assertThat(alerts).extracting(a -> a.cameraId + ":" + a.entry).as("no alert for unwatched plates or cameras")
                    .allMatch(s -> s.equals("yard:O459OO97") || s.equals("street:" + other))
                    .contains("yard:O459OO97", "street:" + other);
            assertThat(alerts).allSatisfy(a -> {
                assertThat(a.confidence).isGreaterThanOrEqualTo(0.5f);
                assertThat(a.alertId).isEqualTo(Alert.idOf(a.eventId, a.entry));
            });
            assertThat(alerts).filteredOn(a -> a.cameraId.equals("street")).singleElement()
                    .satisfies(a -> assertThat(a.level).isEqualTo("info"));
            assertThat(alerts).filteredOn(a -> a.cameraId.equals("yard")).allSatisfy(a -> assertThat(a.note).isEqualTo("stolen"));
            Set<String> ids = new TreeSet<>(alerts.stream().map(a -> a.alertId).toList());
            assertThat(ids).as("one row per alert").hasSameSizeAs(alerts);

            List<KafkaBroker.Message> records = KAFKA.readCommitted("alerts");
            assertThat(records).extracting(KafkaBroker.Message::key).as("each alert once on the topic")
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(records).allSatisfy(m -> assertThat(m.value()).contains("\"schema\":\"lpr.alert/1\""));

            // What the refusing receiver has not taken yet waits in the table; a later delivery sends the rest.
            WebhookDelivery later = new WebhookDelivery(table, new Webhook(hook, null), Duration.ofSeconds(1));
            for (int pass = 0; pass < 3 && !table.undelivered(1).isEmpty(); pass++) {
                later.deliverPending();
            }
            assertThat(table.undelivered(100)).isEmpty();
            assertThat(kept).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * A live run (cameras from a file the job re-reads, so it never ends by itself) whose watch list changes
     * while it runs: the yard's watched car raises its alert; then an entry for a street car is added to the
     * table and the street camera to the file, and the street car's passage raises the new entry's alert (the
     * other street car, watched at the yard only, none).
     */
    @Test
    void anEntryAddedWhileTheJobRunsMatchesTheNextPassage() throws Exception {
        List<ClipScenario> scenarios = ClipScenario.standardSet().stream()
                .filter(s -> s.name().equals("parked-occluded") || s.name().equals("side-by-side")).toList();
        EvalManifest manifest = LabelledClips.write(Paths.get(System.getProperty("lpr.test.images")), dir, scenarios);
        String watched = truth(manifest, "side-by-side.mp4").stream().filter(p -> !p.equals("O459OO97")).findFirst().orElseThrow();
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        Database sqlite = Database.of(db, null, null);
        EventStore.ensureSchema(sqlite);
        new WatchTable(sqlite).ensureSchema().put(WatchEntry.of("O459OO97", false, "from the start", WatchLevel.ALERT, null, "yard"));
        Path cameras = dir.resolve("cameras.yaml");
        String yard = "  - {id: yard, url: '" + dir.resolve("parked-occluded.mp4") + "'}\n";
        Files.writeString(cameras, "cameras:\n" + yard);
        Configuration configuration = new JobConfiguration()
                .set(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"))
                .set(SourceOptions.CAMERAS_FILE.key(), cameras.toString())
                .set(SourceOptions.CAMERAS_POLL_INTERVAL.key(), "200 ms")
                .set(CameraOptions.SAMPLE_FPS.key(), "0")
                .set(SinkOptions.JDBC_URL.key(), db)
                .set(AlertOptions.MIN_CONFIDENCE.key(), "0.5")
                .set("pipeline.generic-types", "false")
                .build();
        LprSettings settings = LprSettings.from(configuration);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        CameraSource source = JobRunner.source(settings, List.of());
        LprTopology.build(env, source, settings, JobRunner.sinks(env, configuration, sqlite, RetentionConfig.DEFAULTS),
                JobRunner.alerts(env, configuration, settings, source));
        JobClient job = env.executeAsync("lpr-alerts-live-test");
        AlertsTable alerts = new AlertsTable(sqlite);
        try {
            Await.until(() -> !alerts.query(new AlertsTable.Query("yard", null, null, 100)).isEmpty(),
                    Duration.ofMinutes(3), "the yard's watched car to raise its alert");

            new WatchTable(sqlite).put(WatchEntry.of(watched, false, "added while running", WatchLevel.ALERT, null));
            Files.writeString(cameras, "cameras:\n" + yard + "  - {id: street, url: '" + dir.resolve("side-by-side.mp4") + "'}\n");
            Await.until(() -> !alerts.query(new AlertsTable.Query("street", null, null, 100)).isEmpty(),
                    Duration.ofMinutes(3), "an alert from the camera added after the entry");
            assertThat(alerts.query(new AlertsTable.Query(null, null, null, 100)))
                    .extracting(a -> a.cameraId + ":" + a.plateText + ":" + a.note)
                    .contains("yard:O459OO97:from the start", "street:" + watched + ":added while running")
                    .allMatch(a -> a.equals("yard:O459OO97:from the start") || a.equals("street:" + watched + ":added while running"));
        } finally {
            job.cancel().get();
        }
    }

    private static Set<String> truth(EvalManifest manifest, String file) {
        Set<String> plates = new TreeSet<>();
        manifest.files().stream().filter(f -> f.file().endsWith(file)).forEach(f ->
                f.frames().forEach(frame -> frame.plates().forEach(p -> plates.add(p.text()))));
        return plates;
    }
}
