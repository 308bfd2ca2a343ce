package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.alert.AlertsTable;
import io.lpr.cli.LprCli;
import io.lpr.db.Database;
import io.lpr.event.Alert;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.testing.KafkaBroker;
import io.lpr.testing.KafkaChangelog;
import io.lpr.testing.PostgresServer;
import io.lpr.testing.PrometheusScrape;
import io.lpr.testing.RtspServer;
import io.lpr.testing.TestClips;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real standalone cluster (a JobManager and two TaskManagers, each its own JVM, started as
 * {@code lpr cluster start} starts them), a real PostgreSQL and a real Kafka broker, submitted as
 * {@code lpr run --cluster} submits it, with the job's default settings. One cluster for all tests; each fault is its
 * own test, so one failing hides none of the others:
 * <ul>
 *   <li>a job cancelled once its models ran, and a job resubmitted to the same TaskManager JVMs reads plates again
 *       (the native libraries come from the cluster's lib/, parent-first);</li>
 *   <li>a run without failure, the reference (made once, by the first test that needs it);</li>
 *   <li>a TaskManager running tasks killed with SIGKILL mid-run and a replacement started: the job restarts from its
 *       checkpoint and PostgreSQL holds the reference's rows, as a multiset;</li>
 *   <li>PostgreSQL stopped for 90 s and for 5 min mid-run, longer than the sink's retries: the job restarts from its
 *       checkpoint until the database is back and ends with the reference's rows, no log line holding a statement's
 *       parameters;</li>
 *   <li>a live camera stopped with the README's stop (a savepoint, no drain) and resumed from it: the resumed job
 *       reads the camera again;</li>
 *   <li>the Prometheus reporters of a job whose camera URL holds a password: per-camera, model, operator and sink
 *       metrics, the Grafana dashboard's, no credential in a name or label.</li>
 * </ul>
 * After each run a read_committed Kafka consumer sees each event as a changelog whose last record is the row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    private static Reference reference;
    private static Throwable referenceFailure;

    /** The undisturbed run every fault's run is compared with: its database and its rows. */
    record Reference(String db, List<PlateEvent> events, List<Alert> alerts) {}

    @BeforeAll
    static void startCluster() throws Exception {
        // Three cameras whose passages end at different times: 6 s, 12 s and 18 s of video.
        clips = Map.of("a", clip("a.mp4", 6), "b", clip("b.mp4", 12), "c", clip("c.mp4", 18));
        // Started as a user starts it, `lpr cluster start`; the password comes from the environment (the build's).
        int port = LocalCluster.freePort();
        Path clusterDir = dir.resolve("cluster");
        cluster = new LocalCluster(clusterDir, port);
        String started = cli(startArguments(port, clusterDir));
        assertThat(started.lines().filter(l -> l.matches("(jobmanager|taskmanager-\\d+)\\s+pid=\\d+ running.*")))
                .as(started).hasSize(3);
        // The -D settings may hold a credential: the file that keeps them for add-taskmanager is the user's only.
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(clusterDir.resolve("cluster.properties")))).isEqualTo("rw-------");
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

    /** `lpr cluster start` as the tests start it, the README's small-machine memory settings included. */
    static String[] startArguments(int port, Path clusterDir) {
        return new String[] {"cluster", "start", "--taskmanagers", "2", "--port", String.valueOf(port),
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
                "-Dheartbeat.timeout=20s"};
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            String stopped = cli("cluster", "stop", "--port", port(), "--dir", cluster.dir().toString());
            // What the cluster made goes (uploaded jars included); what is the user's stays.
            assertThat(stopped).contains("kept log/, checkpoints/").contains("removed tmp, uploads");
            assertThat(cluster.dir().resolve("uploads")).doesNotExist();
            assertThat(cluster.dir().resolve("tmp")).doesNotExist();
            // The cluster's logs outlive the temp folder, for a failed CI run.
            Path logs = Path.of("target", "cluster-it-logs");
            io.lpr.util.Folders.deleteTree(logs);
            Files.createDirectories(logs);
            try (var files = Files.list(cluster.dir().resolve("log"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, logs.resolve(f.getFileName()));
                }
            }
        }
    }

    /** A test that failed midway leaves no job running to slow down or starve the next one of slots. */
    @AfterEach
    void cancelJobsLeftRunning() throws Exception {
        WATCH.cancelUnfinishedJobs();
    }

    /**
     * The reference run, made once by the first test that needs it; a failed one fails every test that needs it
     * with its cause.
     */
    static synchronized Reference reference() throws Exception {
        if (referenceFailure != null) {
            throw new AssertionError("the reference run failed", referenceFailure);
        }
        if (reference == null) {
            try {
                String db = PG.newDatabase();
                String job = submit(db, "reference", cameras(), watching("reference", PACED));
                WATCH.awaitState(job, "FINISHED");
                List<PlateEvent> events = events(db);
                // A pan over the photo shows the plate, loses it and finds it again: some cameras have several passages.
                assertThat(events).extracting(e -> e.cameraId).as("reference").containsOnly("a", "b", "c").contains("a", "b", "c");
                reference = new Reference(db, events, alerts(db));
            } catch (Throwable t) {
                referenceFailure = t;
                throw t;
            }
        }
        return reference;
    }

    @Test
    @Order(1)
    void aJobResubmittedAfterACancelLoadsTheModelsAgainOnTheSameTaskManagers() throws Exception {
        // A minute of video played in real time: still running when the REST metrics (updated every few seconds)
        // show its first plate reads, whatever the machine's speed.
        Path minute = clip("minute.mp4", 60);
        String cancelled = submit(PG.newDatabase(), "cancelled", List.of("a=" + minute), PACED);
        WATCH.awaitRecordsOutOfFirstVertex(cancelled, 1);
        Set<String> ranModels = cluster.rest().taskManagersOf(cancelled);
        cluster.rest().cancel(cancelled);
        WATCH.awaitState(cancelled, "CANCELED");

        // Without the parent-first patterns this job restarts for ever: "already loaded in another classloader".
        String resubmitted = submit(PG.newDatabase(), "resubmitted", List.of("a=" + minute), PACED);
        WATCH.awaitRecordsOutOfFirstVertex(resubmitted, 1);
        assertThat(cluster.rest().taskManagersOf(resubmitted)).as("TaskManagers that ran the cancelled job's models")
                .containsAnyElementsOf(ranModels);
        assertThat(WATCH.restarts(resubmitted)).isZero();
        cluster.rest().cancel(resubmitted);
        WATCH.awaitState(resubmitted, "CANCELED");
    }

    @Test
    @Order(2)
    void theReferenceRunStoresEachPassageOnceInPostgresAndKafka() throws Exception {
        Reference run = reference();
        assertThat(run.events()).allSatisfy(e -> assertThat(e.plateText).isIn(PLATE_READS));
        assertThat(run.events()).extracting(e -> e.eventId).doesNotHaveDuplicates();
        assertKafkaHoldsExactly("reference", run.events());
        assertThat(run.alerts()).as("the reference's alerts").isNotEmpty()
                .allSatisfy(a -> assertThat(a.plateText).matches("B840.K197"));
        assertAlertsTopicHoldsExactly("reference", run.alerts());
    }

    @Test
    @Order(3)
    void metricsNameNoCredentialOfACameraWhoseUrlHoldsAPassword() throws Exception {
        // The camera's URL carries its user and password in clear, and the server refuses a stream without them: a
        // job that reads plates from it used them.
        String password = "S3cret-" + UUID.randomUUID().toString().substring(0, 8);
        try (RtspServer server = RtspServer.startWithAuth(clips.get("c"), "gate", "admin", password)) {
            String job = submit(PG.newDatabase(), "metrics", List.of("gate=" + server.url("admin", password)));
            WATCH.awaitRecordsOutOfFirstVertex(job, 1);
            // Metrics are reported every few seconds: scrape until the camera's have been.
            PrometheusScrape[] scrape = {null};
            ClusterWatch.await("the camera's metrics in a scrape", () -> {
                scrape[0] = MetricsCheck.scrape(cluster);
                return scrape[0].named("flink_taskmanager_job_task_operator_camera_framesDecoded").stream()
                        .anyMatch(s -> "gate".equals(s.labels().get("camera")) && s.value() > 0);
            });
            MetricsCheck.assertScrape(scrape[0], "gate", List.of(password, PG.password()));
            // The logs name the camera's URL, masked, and never its password.
            List<String> lines = clusterLogLines();
            assertThat(lines.stream().anyMatch(l -> l.contains("admin:***@127.0.0.1:" + server.port()))).as("the camera's URL, masked, in the logs").isTrue();
            assertThat(lines.stream().filter(l -> l.contains(password)).limit(5).toList()).as("log lines with the camera's password").isEmpty();
            cluster.rest().cancel(job);
            WATCH.awaitState(job, "CANCELED");
        }
    }

    @Test
    @Order(4)
    void aKilledTaskManagerCostsDelayNotEventsOrAlertsInPostgresAndKafka() throws Exception {
        Reference reference = reference();
        List<PlateEvent> expected = reference.events();
        String db = PG.newDatabase();
        String job = submit(db, "failover", cameras(), watching("failover", PACED));
        WATCH.awaitCheckpoints(job, 1);
        WATCH.awaitRows(db(db), 1, job);
        ClusterWatch.Recovery recovery = WATCH.killTaskManagerRunning(job, db(db));
        WATCH.awaitState(job, "FINISHED");
        List<PlateEvent> actual = events(db);
        recovery.report(actual.size());

        assertThat(recovery.restarts()).as("the job restarted after the kill").isGreaterThanOrEqualTo(1);
        assertSameRows("after a TaskManager was killed", actual, expected);
        assertKafkaHoldsExactly("failover", actual);
        // Each passage's alert once, as in the undisturbed run, in the table and in the read_committed topic.
        List<Alert> alerts = alerts(db);
        assertThat(alerts).extracting(ClusterFailoverIT::alertOf).as("alerts after a TaskManager was killed")
                .containsExactlyInAnyOrderElementsOf(reference.alerts().stream().map(ClusterFailoverIT::alertOf).toList());
        assertAlertsTopicHoldsExactly("failover", alerts);
    }

    /**
     * A watch list whose entry every passage of the car matches at its first read (any text the vote may weigh,
     * any confidence), its alerts also to the topic {@code TOPIC-alerts}; then {@code more}.
     */
    static String[] watching(String topic, String... more) throws Exception {
        Path list = dir.resolve("watchlist.yaml");
        Files.writeString(list, "watchlist:\n  - plate: \"B840?K197\"\n    note: the failover test's car\n");
        List<String> args = new ArrayList<>(List.of("--watchlist", list.toString(),
                "--set", "lpr.alerts.kafka-topic=" + topic + "-alerts", "--set", "lpr.alerts.min-confidence=0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static List<Alert> alerts(String url) {
        return new AlertsTable(db(url)).query(new AlertsTable.Query(null, null, null, 1000));
    }

    /** What a restored job must raise again exactly: the camera, the read that matched and the entry. */
    static String alertOf(Alert a) {
        return a.cameraId + " " + a.plateText + " " + a.entry;
    }

    /** The alerts topic, read_committed, holds each stored alert once, keyed by its id. */
    static void assertAlertsTopicHoldsExactly(String topic, List<Alert> stored) throws Exception {
        assertThat(KAFKA.readCommitted(topic + "-alerts")).extracting(KafkaBroker.Message::key).as("alerts topic")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(a -> a.alertId).toList());
    }

    /**
     * PostgreSQL stopped longer than the sink retries a write (60 s): the sink's task fails and the job restarts from
     * its checkpoint, again and again with backoff, until the database is back, then ends with every row.
     */
    @ParameterizedTest(name = "PostgreSQL down {0} s")
    @ValueSource(ints = {90, 300})
    @Order(5)
    void aDatabaseOutageLongerThanTheSinksRetriesCostsDelayNotEvents(int seconds) throws Exception {
        List<PlateEvent> expected = reference().events();
        String db = PG.newDatabase();
        String topic = "outage-" + seconds;
        String job = submit(db, topic, cameras(), PACED);
        WATCH.awaitCheckpoints(job, 1);
        WATCH.awaitRows(db(db), 1, job);
        long rowsBefore = EventStore.count(db(db));
        assertThat(rowsBefore).as("rows stored when the database stops: passages are left to write").isLessThan(expected.size());
        long restartsBefore = WATCH.restarts(job);
        PG.stopServer();
        try {
            WATCH.watchThrough(job, Duration.ofSeconds(seconds));
        } finally {
            PG.startServer();
        }
        WATCH.awaitState(job, "FINISHED");
        long restarts = WATCH.restarts(job) - restartsBefore;
        List<PlateEvent> actual = events(db);
        System.out.printf("OUTAGE seconds=%d restarts=%d rows-before=%d rows-at-end=%d%n", seconds, restarts, rowsBefore, actual.size());

        assertThat(restarts).as("restarts: the writes hit the stopped database and failed the sink's task").isPositive();
        assertSameRows("after " + seconds + " s of PostgreSQL down", actual, expected);
        assertKafkaHoldsExactly(topic, actual);
        assertNoStatementParametersLogged(actual);
    }

    @Test
    @Order(6)
    void theReadmesStopWritesASavepointAndTheJobResumedFromItReadsTheCameraAgain() throws Exception {
        // A live camera: a real RTSP server on 127.0.0.1 looping a clip.
        try (RtspServer server = RtspServer.start(clips.get("c"), "gate")) {
            List<String> camera = List.of("gate=" + server.url());
            String db = PG.newDatabase();
            String live = submit(db, "live", camera);
            WATCH.awaitRecordsOutOfFirstVertex(live, 2);
            String savepoint = WATCH.stopAsTheReadmeSays(live);
            WATCH.awaitState(live, "FINISHED");
            Path savepointDir = Path.of(URI.create(savepoint));
            assertThat(savepointDir).isDirectory().startsWith(cluster.dir().resolve("savepoints"));
            Map<String, Integer> atStop = revisions(events(db));

            // ... and `lpr run --cluster ... --from-savepoint PATH` resumes from it and reads the camera again: it
            // reads plates, and a passage it sees is written (a new event, or the next revision of one the dedup
            // window holds: the loop shows the same plate again and again).
            String resumed = submit(db, "live", camera, "--from-savepoint", savepoint);
            String savepointName = savepointDir.getFileName().toString();
            ClusterWatch.await("the resumed job restored from " + savepointName, () -> cluster.rest().get("/jobs/" + resumed
                    + "/checkpoints").path("latest").path("restored").path("external_path").asText().endsWith(savepointName));
            WATCH.awaitRecordsOutOfFirstVertex(resumed, 2);
            ClusterWatch.await("a passage written by the resumed job", () -> {
                assertThat(cluster.rest().jobState(resumed)).isEqualTo("RUNNING");
                Map<String, Integer> now = revisions(events(db));
                return now.entrySet().stream().anyMatch(e -> e.getValue() > atStop.getOrDefault(e.getKey(), 0));
            });
            // lpr's own clean stop (a drained savepoint): every open passage becomes its final record.
            cluster.rest().stopWithSavepoint(resumed, dir.resolve("drained"), true, Duration.ofMinutes(3));
            WATCH.awaitState(resumed, "FINISHED");

            List<PlateEvent> events = events(db);
            assertThat(events).isNotEmpty().allSatisfy(e -> {
                assertThat(e.cameraId).isEqualTo("gate");
                assertThat(e.plateText).isIn(PLATE_READS);
            });
            assertThat(events).extracting(e -> e.eventId).doesNotHaveDuplicates();
            assertKafkaHoldsExactly("live", events);
        }
    }

    @Test
    @Order(7)
    void aKilledJobManagersOrphansAreStoppedByStartAndItsJobResumesFromTheCheckpointStartNames() throws Exception {
        Reference reference = reference();
        String db = PG.newDatabase();
        String job = submit(db, "jobmanager-lost", cameras(), PACED);
        // run --cluster deleted the jar it uploaded once the job had it.
        assertThat(cluster.rest().get("/jars").path("files")).isEmpty();
        WATCH.awaitRecordsOutOfFirstVertex(job, 2);
        ClusterWatch.await("a completed checkpoint of " + job, () -> cluster.rest().get("/jobs/" + job + "/checkpoints")
                .path("counts").path("completed").asInt() >= 1);

        List<LocalCluster.Member> before = cluster.members();
        ProcessHandle jobManager = ProcessHandle.of(before.get(0).pid()).orElseThrow();
        assertThat(before.get(0).role()).isEqualTo(LocalCluster.JOB_MANAGER);
        // The TaskManagers running now (the one killed by an earlier test is not).
        List<LocalCluster.Member> taskManagers = before.subList(1, before.size()).stream().filter(LocalCluster.Member::alive).toList();
        assertThat(taskManagers).hasSize(2);
        jobManager.destroyForcibly(); // kill -9
        jobManager.onExit().get();
        assertThat(taskManagers).as("the TaskManagers, orphaned")
                .allMatch(m -> ProcessHandle.of(m.pid()).map(ProcessHandle::isAlive).orElse(false));

        // The same `lpr cluster start` on the same folder: the orphans go, a new cluster starts, and it says how to resume.
        int port = Integer.parseInt(port());
        String started = cli(startArguments(port, cluster.dir()));
        for (LocalCluster.Member orphan : taskManagers) {
            assertThat(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive).orElse(false)).as(orphan.role()).isFalse();
        }
        assertThat(started).contains("stopped 2 task manager(s) left by a JobManager that died");
        String line = started.lines().filter(l -> l.contains("job " + job + " was running")).findFirst()
                .orElseThrow(() -> new AssertionError("no line to resume " + job + " in:\n" + started));
        Path checkpoint = Path.of(line.replaceAll(".*--from-savepoint (\\S+) .*", "$1"));
        assertThat(checkpoint.resolve("_metadata")).isRegularFile();
        assertThat(checkpoint.getParent().getFileName().toString()).isEqualTo(job);

        // As the line says: the same flags, from that checkpoint. The passages come out as the undisturbed run's.
        List<String> extra = new ArrayList<>(List.of(PACED));
        extra.addAll(List.of("--from-savepoint", checkpoint.toString()));
        String resumed = submit(db, "jobmanager-lost", cameras(), extra.toArray(String[]::new));
        WATCH.awaitState(resumed, "FINISHED");
        assertThat(cluster.rest().get("/jobs/" + resumed + "/checkpoints").path("latest").path("restored")
                .path("external_path").asText()).endsWith(checkpoint.getFileName().toString());
        assertSameRows("resumed after the JobManager died", events(db), reference.events());
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

    /** Submits like `lpr run --cluster`, with the job's defaults and the run's own flags; returns the job id it prints. */
    static String submit(String jdbcUrl, String topic, List<String> cameras, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--cluster", "127.0.0.1:" + port(),
                "--jar", System.getProperty("lpr.shaded.jar"),
                "--models", System.getProperty("lpr.test.models"),
                "--sink", jdbcUrl, "--set", "lpr.sink.user=" + PG.user(),
                "--kafka-bootstrap", KAFKA.bootstrap(), "--kafka-topic", topic,
                "--set", "lpr.camera.sample-fps=1", "--set", "parallelism.default=2",
                // Frames queued for the detector are checkpointed whole: keep one per subtask (see docs/cluster.md).
                "--set", "lpr.detector.capacity=1", "--set", "lpr.recognizer.capacity=32"));
        cameras.forEach(c -> args.addAll(List.of("--camera", c)));
        args.addAll(List.of(extra));
        String jobId = cli(args.toArray(String[]::new)).strip();
        assertThat(jobId).matches("[0-9a-f]{32}");
        return jobId;
    }

    static String port() {
        return cluster.rest().address().replaceAll(".*:", "");
    }

    static List<String> cameras() {
        return clips.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * The same passages as the reference, each as often: camera, plate, frames and votes of every row (a restored
     * job reproduces them exactly), compared as a multiset, so a passage stored twice fails even with equal values.
     */
    static void assertSameRows(String what, List<PlateEvent> actual, List<PlateEvent> expected) {
        assertThat(actual).extracting(e -> e.eventId).as("event ids " + what).doesNotHaveDuplicates();
        assertThat(actual).as("rows " + what).hasSameSizeAs(expected);
        assertThat(passages(actual)).as("passages " + what + " vs the reference").containsExactlyInAnyOrderElementsOf(passages(expected));
    }

    static List<String> passages(List<PlateEvent> events) {
        return events.stream().map(e -> e.cameraId + " " + e.plateText + " frames=" + e.frames + " votes=" + e.votes).toList();
    }

    /**
     * Kafka, read_committed, is a changelog of exactly the stored events (docs/kafka-events.md): each event id's
     * records carry revisions 1..n in order, and the last is final and is the event's row (plate, frames, votes,
     * first seen, revision). Every run here ends with its cameras (files, or a drained stop), so every event has left
     * the dedup window.
     */
    static void assertKafkaHoldsExactly(String topic, List<PlateEvent> stored) throws Exception {
        List<KafkaBroker.Message> messages = new ArrayList<>(KAFKA.readCommitted(topic));
        messages.sort(Comparator.comparingInt(KafkaBroker.Message::partition).thenComparingLong(KafkaBroker.Message::offset));
        for (KafkaBroker.Message m : messages) {
            JsonNode value = JSON.readTree(m.value());
            assertThat(m.key()).as("keyed by camera").isEqualTo(value.path("camera_id").asText());
            assertThat(value.path("crop_jpeg").asText()).as("crop of %s", value.path("event_id")).isNotEmpty();
        }
        assertThat(stored).as("rows of " + topic + ": every event left the window").allSatisfy(e -> assertThat(e.isFinal).isTrue());
        KafkaChangelog.assertLatestAreRows(messages, stored);
    }

    /**
     * No line of the cluster's logs carries a statement or its parameters: no INSERT, no stored event's id or plate,
     * no crop (JPEG bytes as hex or base64), no password. A failed batch's exception would (PostgreSQL's driver prints
     * each entry with its values). The logs must show that writes failed, or this check could not fail.
     */
    static void assertNoStatementParametersLogged(List<PlateEvent> stored) throws Exception {
        List<String> parameters = new ArrayList<>(List.of("INSERT", "Batch entry", "\\xffd8", "/9j/4", PG.password()));
        stored.forEach(e -> {
            parameters.add(e.eventId);
            parameters.add(e.plateText);
        });
        List<String> lines = clusterLogLines();
        assertThat(List.of("unreachable", "SQLSTATE 08")).as("writes to the stopped database failed, in the logs of %s",
                cluster.dir().resolve("log")).allMatch(word -> lines.stream().anyMatch(l -> l.contains(word)));
        assertThat(lines.stream().filter(l -> parameters.stream().anyMatch(l::contains)).limit(5).toList())
                .as("log lines with a statement's parameters").isEmpty();
    }

    /** Every line of the cluster's logs (its JVMs' .log and .out files), each after its file's name. */
    static List<String> clusterLogLines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(cluster.dir().resolve("log"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (var in = Files.lines(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    in.map(l -> f.getFileName() + ": " + l).forEach(lines::add);
                }
            }
        }
        return lines;
    }

    static Map<String, Integer> revisions(List<PlateEvent> events) {
        return events.stream().collect(java.util.stream.Collectors.toMap(e -> e.eventId, e -> e.revision));
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
