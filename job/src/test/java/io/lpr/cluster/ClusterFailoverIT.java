package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.cli.LprCli;
import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.sink.EventQuery;
import io.lpr.sink.EventStore;
import io.lpr.sink.PlateEventJson;
import io.lpr.testing.KafkaBroker;
import io.lpr.testing.PostgresServer;
import io.lpr.testing.RtspServer;
import io.lpr.testing.TestClips;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real standalone cluster (a JobManager and two TaskManagers, each its own JVM, started as
 * {@code lpr cluster start} starts them), a real PostgreSQL and a real Kafka broker, submitted as
 * {@code lpr run --cluster} submits it:
 * <ol>
 *   <li>a job cancelled once its models ran, then jobs resubmitted to the same TaskManager JVMs: the models load
 *       again (the native libraries come from the cluster's lib/, parent-first);</li>
 *   <li>a run without failure, the reference;</li>
 *   <li>the same run with a TaskManager that runs tasks killed with SIGKILL mid-run and a replacement started:
 *       the job restarts from its checkpoint (its tasks on the surviving TaskManager restart in the same JVM)
 *       and PostgreSQL and a read_committed Kafka consumer hold every passage of the reference exactly once;</li>
 *   <li>the same run with PostgreSQL stopped for 20 s: delay, not data;</li>
 *   <li>a camera played in real time stopped with a savepoint over REST: its open passage stored once; a job
 *       resubmitted from the savepoint restores it.</li>
 * </ol>
 * The Prometheus reporters are scraped while a job runs: per-camera, operator and sink metrics, no credential.
 */
class ClusterFailoverIT {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    static final List<String> PLATE_READS = List.of("B840CK197", "B840OK197");
    /**
     * The files play at their own frame rate, as cameras would: a fast machine would otherwise finish a run
     * before the TaskManager is killed or the database stopped. Event times come from the files, so the
     * passages are the same at any pace.
     */
    static final String[] PACED = {"--set", "lpr.camera.realtime=true"};
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static LocalCluster cluster;
    static Map<String, Path> clips;
    static final ClusterWatch WATCH = new ClusterWatch();

    @BeforeAll
    static void startCluster() throws Exception {
        // Three cameras whose passages end at different times: 6 s, 12 s and 18 s of video.
        clips = Map.of("a", clip("a.mp4", 6), "b", clip("b.mp4", 12), "c", clip("c.mp4", 18));
        // Started as a user starts it, `lpr cluster start`; the password comes from the environment (the build's).
        int port = LocalCluster.freePort();
        Path clusterDir = dir.resolve("cluster");
        cluster = new LocalCluster(clusterDir, port);
        String started = cli("cluster", "start", "--taskmanagers", "2", "--port", String.valueOf(port),
                "--dir", clusterDir.toString(),
                "--conf", Path.of(System.getProperty("lpr.home"), "flink-conf", "cluster").toString(),
                "--classpath-file", System.getProperty("lpr.classpath.file"),
                "-Dtaskmanager.numberOfTaskSlots=2",
                "-Dcluster.evenly-spread-out-slots=true",
                "-Dtaskmanager.memory.process.size=3g",
                "-Dtaskmanager.memory.task.off-heap.size=1g",
                "-Dtaskmanager.memory.managed.size=256m",
                "-Dexecution.checkpointing.interval=3s",
                // A killed TaskManager is noticed when its heartbeats stop: 50 s by default.
                "-Dheartbeat.timeout=20s");
        assertThat(started.lines().filter(l -> l.matches("(jobmanager|taskmanager-\\d+)\\s+pid=\\d+ running.*")))
                .as(started).hasSize(3);
        WATCH.cluster = cluster;
        // A test JVM stopped from outside still takes its cluster down (its JVMs run in their own sessions).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.stop();
            } catch (Exception e) {
                System.err.println("stopping the cluster: " + e);
            }
        }));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cli("cluster", "stop", "--port", cluster.rest().address().replaceAll(".*:", ""), "--dir", cluster.dir().toString());
            // The cluster's logs outlive the temp folder, for a failed CI run.
            Path logs = Path.of("target", "cluster-it-logs");
            LocalCluster.deleteTree(logs);
            Files.createDirectories(logs);
            try (var files = Files.list(cluster.dir().resolve("log"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, logs.resolve(f.getFileName()));
                }
            }
        }
    }

    @Test
    void aKilledTaskManagerCostsDelayNotEventsInPostgresAndKafka() throws Exception {
        RestApi rest = cluster.rest();

        // 1. Cancel a job whose models have run on both TaskManagers; later jobs reuse those JVMs.
        // A minute of video played in real time: still running when the REST metrics (updated every few seconds)
        // show its first records, whatever the machine's speed.
        Path minute = clip("minute.mp4", 60);
        String cancelled = submit(PG.newDatabase(), "cancelled", List.of("a=" + minute), "--set", "lpr.camera.realtime=true");
        WATCH.awaitRecordsOutOfFirstVertex(cancelled, 1);
        rest.cancel(cancelled);
        WATCH.awaitState(cancelled, "CANCELED");

        // 2. The reference run, scraped for metrics while it runs.
        String referenceDb = PG.newDatabase();
        String reference = submit(referenceDb, "reference", cameras(), PACED);
        WATCH.awaitRows(db(referenceDb), 1, reference);
        MetricsCheck.assertScrape(cluster, PG.password());
        WATCH.awaitState(reference, "FINISHED");
        List<PlateEvent> expected = events(referenceDb);
        // A pan over the photo shows the plate, loses it and finds it again: some cameras have several passages.
        assertThat(expected).extracting(e -> e.cameraId).containsOnly("a", "b", "c").contains("a", "b", "c");
        assertThat(expected).allSatisfy(e -> assertThat(e.plateText).isIn(PLATE_READS));
        assertKafkaHoldsExactly("reference", expected);

        // 3. The same run, with the TaskManager running tasks killed once a checkpoint and an event are done.
        String failoverDb = PG.newDatabase();
        String failover = submit(failoverDb, "failover", cameras(), PACED);
        WATCH.awaitCheckpoints(failover, 1);
        WATCH.awaitRows(db(failoverDb), 1, failover);
        ClusterWatch.Recovery recovery = WATCH.killTaskManagerRunning(failover, db(failoverDb));
        WATCH.awaitState(failover, "FINISHED");
        List<PlateEvent> actual = events(failoverDb);
        recovery.report(actual.size());

        assertThat(recovery.restarts()).as("the job restarted after the kill").isGreaterThanOrEqualTo(1);
        assertThat(actual).extracting(e -> e.eventId).doesNotHaveDuplicates();
        assertThat(summary(actual)).as("passages after the failure vs the reference").isEqualTo(summary(expected));
        assertKafkaHoldsExactly("failover", actual);

        // 4. PostgreSQL stopped for 20 s mid-run: the job fails, restarts from its checkpoint until the database
        //    is back, and ends with the reference's passages, once each.
        String outageDb = PG.newDatabase();
        String outage = submit(outageDb, "outage", cameras(), PACED);
        WATCH.awaitCheckpoints(outage, 1);
        WATCH.awaitRows(db(outageDb), 1, outage);
        long restartsBefore = WATCH.restarts(outage);
        PG.stopServer();
        Thread.sleep(20_000); // the outage itself
        PG.startServer();
        WATCH.awaitState(outage, "FINISHED");
        List<PlateEvent> afterOutage = events(outageDb);
        System.out.printf("OUTAGE restarts=%d events=%d%n", WATCH.restarts(outage) - restartsBefore, afterOutage.size());
        assertThat(afterOutage).extracting(e -> e.eventId).doesNotHaveDuplicates();
        assertThat(summary(afterOutage)).as("passages after a database outage vs the reference").isEqualTo(summary(expected));
        assertKafkaHoldsExactly("outage", afterOutage);

        // 5. A live RTSP camera (a real RTSP server on 127.0.0.1 looping a clip), stopped with a savepoint through
        //    the REST API: the open passage is drained into an event, stored once, and the savepoint is there to
        //    resume from.
        try (RtspServer server = RtspServer.start(clips.get("c"), "gate")) {
            List<String> camera = List.of("gate=" + server.url());
            String liveDb = PG.newDatabase();
            String live = submit(liveDb, "live", camera);
            WATCH.awaitRecordsOutOfFirstVertex(live, 2);
            String savepoint = rest.stopWithSavepoint(live, dir.resolve("savepoints"), true, Duration.ofMinutes(3));
            WATCH.awaitState(live, "FINISHED");
            assertThat(Path.of(URI.create(savepoint))).isDirectory();
            List<PlateEvent> liveEvents = events(liveDb);
            assertThat(liveEvents).isNotEmpty().allSatisfy(e -> {
                assertThat(e.cameraId).isEqualTo("gate");
                assertThat(e.plateText).isIn(PLATE_READS);
            });
            assertThat(liveEvents).extracting(e -> e.eventId).doesNotHaveDuplicates();
            assertKafkaHoldsExactly("live", liveEvents);

            // ... and `lpr run --cluster ... --from-savepoint` resumes from it.
            String resumed = submit(liveDb, "live", camera, "--from-savepoint", savepoint);
            String savepointName = Path.of(URI.create(savepoint)).getFileName().toString();
            ClusterWatch.await("the resumed job restored from " + savepointName, () -> rest.get("/jobs/" + resumed
                    + "/checkpoints").path("latest").path("restored").path("external_path").asText().endsWith(savepointName));
            rest.cancel(resumed);
            WATCH.awaitState(resumed, "CANCELED");
        }
    }

    /** Runs an lpr command in this JVM; returns what it printed on stdout, failing with stderr on a non-zero exit. */
    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = LprCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute(args)).as("lpr %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    /** Submits like `lpr run --cluster`, with the run's own flags; returns the job id it prints. */
    static String submit(String jdbcUrl, String topic, List<String> cameras, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--cluster", "127.0.0.1:" + cluster.rest().address().replaceAll(".*:", ""),
                "--jar", System.getProperty("lpr.shaded.jar"),
                "--models", System.getProperty("lpr.test.models"),
                "--sink", jdbcUrl, "--set", "lpr.sink.user=" + PG.user(),
                "--kafka-bootstrap", KAFKA.bootstrap(), "--kafka-topic", topic,
                "--set", "lpr.camera.sample-fps=1", "--set", "parallelism.default=2",
                // Full tiling on every frame: a restored job's guides start with a full scan, whose crops can read
                // this knife-edge plate differently, and the runs are compared vote for vote.
                "--set", "lpr.detector.guided=false",
                // Frames queued for the detector are checkpointed whole: keep one per subtask (see docs/cluster.md).
                "--set", "lpr.detector.capacity=1", "--set", "lpr.recognizer.capacity=32"));
        cameras.forEach(c -> args.addAll(List.of("--camera", c)));
        args.addAll(List.of(extra));
        String jobId = cli(args.toArray(String[]::new)).strip();
        assertThat(jobId).matches("[0-9a-f]{32}");
        return jobId;
    }

    static List<String> cameras() {
        return clips.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Each camera's passages: plate and frames, which a restored job reproduces exactly. */
    static Set<String> summary(List<PlateEvent> events) {
        return events.stream().map(e -> e.cameraId + " " + e.plateText + " frames=" + e.frames + " votes=" + e.votes)
                .collect(Collectors.toSet());
    }

    static void assertKafkaHoldsExactly(String topic, List<PlateEvent> stored) throws Exception {
        List<KafkaBroker.Message> messages = KAFKA.readCommitted(topic);
        List<JsonNode> values = new ArrayList<>();
        for (KafkaBroker.Message m : messages) {
            JsonNode value = JSON.readTree(m.value());
            assertThat(value.path("schema").asText()).isEqualTo(PlateEventJson.SCHEMA);
            assertThat(m.key()).as("keyed by camera").isEqualTo(value.path("camera_id").asText());
            values.add(value);
        }
        assertThat(values).extracting(v -> v.path("event_id").asText()).as("Kafka, read_committed, in " + topic)
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(e -> e.eventId).toList());
        Map<String, PlateEvent> byId = stored.stream().collect(Collectors.toMap(e -> e.eventId, Function.identity()));
        for (JsonNode v : values) {
            PlateEvent e = byId.get(v.path("event_id").asText());
            assertThat(v.path("plate").asText()).isEqualTo(e.plateText);
            assertThat(v.path("frames").asInt()).isEqualTo(e.frames);
            assertThat(v.path("first_seen_ms").asLong()).isEqualTo(e.firstSeen);
            assertThat(v.path("crop_jpeg").asText()).isNotEmpty();
        }
    }

    static Database db(String url) {
        // The test reads with the password in the URL; the cluster reads it from its environment.
        return Database.of(url + "?password=" + PG.password(), PG.user(), null);
    }

    static List<PlateEvent> events(String url) {
        return EventStore.query(db(url), new EventQuery(null, null, null, null, 100, false));
    }

    static Path clip(String name, double seconds) throws Exception {
        return TestClips.make(dir, name, seconds, 5, 1920, 1080);
    }
}
