package io.lpr.cli;

import static io.lpr.cli.RunCommandSignalTest.hasCheckpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.testing.LprProcess;
import io.lpr.testing.PostgresServer;
import io.lpr.testing.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped for longer than the sink's retry window (60 s) while {@code lpr run} writes to it, 90 s and
 * 5 min (and at least until the sink has given up once): the sink gives up, the task fails with one line, and
 * Flink restarts the job from its last checkpoint, again and again, until the server is back; then every row of
 * an undisturbed run is stored, once. A stop meanwhile waits for the job, or cancels it for --resume. Issue #16:
 * flink-connector-jdbc's sink ended the local TaskManager here and the run idled for good with rows missing.
 *
 * <p>Three cameras play in real time: {@value #FIRST_S} s (its row is stored before the outage), {@value
 * #DURING_S} s (its row is due while the server is down, so the writes hit it) and {@value #LONG_S} s (still
 * playing when a 90 s outage ends). A failed write restarts the job from a checkpoint before that row, so the
 * job runs, restarting, for as long as the server is away, however short the clips. The default settings, guided
 * detection included: each restart restores every camera's guide, so the restored job reads what the undisturbed
 * one read.
 */
class RunLongOutageIT {
    private static final int FIRST_S = 5;
    private static final int DURING_S = 15;
    private static final int LONG_S = 120;
    /** Once the server is back: the longest restart backoff (30 s), a restart, the rest of the long clip, with room. */
    private static final Duration ROWS_AFTER_RETURN = Duration.ofMinutes(8);
    private static final Pattern RESTARTED = Pattern.compile("plate events sink to \\S+ restarted \\(attempt (\\d+)\\)");
    private static final long CLIPS_START_MS = Instant.parse("2026-01-05T08:00:00Z").toEpochMilli();
    private static final List<String> PLATES = List.of("B840CK197", "B840OK197");

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    static Path clips;

    /** Camera, plate, frames and votes of each row of the undisturbed run. */
    private static List<String> reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void runUndisturbed() throws Exception {
        Database db = PG.newJobDatabase();
        Path work = clips.resolve("reference-work");
        try (LprProcess lpr = LprProcess.start(clips, Map.of(), runArgs(db, work))) {
            assertThat(lpr.awaitExit(LONG_S + 600)).as(lpr.output()).isZero();
        }
        reference = rows(db);
        assertThat(reference).as("one passage per camera").hasSize(3);
    }

    @Test
    void aNinetySecondOutageCostsDelayNotEvents() throws Exception {
        outage(Duration.ofSeconds(90), 1);
    }

    @Test
    void aFiveMinuteOutageCostsDelayNotEvents() throws Exception {
        outage(Duration.ofMinutes(5), 2);
    }

    /**
     * SIGTERM while the server is away and the job restarting: Flink refuses a savepoint then, and a drain
     * fails while the sink cannot write, so the stop tries again until the job drains; once the server is back
     * it does, and the process exits 0 with every camera's passage stored once (the stop ends the cameras where
     * they are, so the rows are not the undisturbed run's).
     */
    @Test
    void aStopWhileTheJobRestartsWaitsForItAndStoresEveryPassage() throws Exception {
        Database db = PG.newJobDatabase();
        Path work = dir.resolve("work");
        try (LprProcess lpr = LprProcess.start(dir, Map.of(), runArgs(db, work))) {
            lpr.awaitWhileRunning("the first camera's row and a checkpoint", () -> count(db) >= 1 && hasCheckpoint(work));
            PG.stopServer();
            try {
                awaitAlive(lpr, "the sink giving up and the job restarting", Duration.ofMinutes(4),
                        () -> restarts(lpr.output()) >= 1);
                lpr.process().destroy(); // SIGTERM
                awaitAlive(lpr, "the stop finding that the job cannot drain", Duration.ofMinutes(4),
                        () -> lpr.output().contains("the job cannot drain now"));
            } finally {
                PG.startServer();
            }
            assertThat(lpr.awaitExit(ROWS_AFTER_RETURN.toSeconds())).as(lpr.output()).isZero();
            assertThat(lpr.output()).contains("lpr: stopping: draining the job")
                    .doesNotContain("clean stop failed", "stopped without draining");
            assertNoStatementParameters(lpr.output());
        }
        assertThat(EventStore.query(db, EventQuery.latest())).extracting(e -> e.cameraId)
                .containsExactlyInAnyOrder("first", "during", "long");
        assertThat(RunCommandSignalTest.files(work.resolve("checkpoints"))).as("checkpoints of a drained run").isEmpty();
    }

    /**
     * A stop that cannot drain, the server staying away: after {@code lpr.stop.drain-wait} the job is cancelled
     * with its checkpoints kept and lpr exits 75, saying how to go on; the same command with {@code --resume},
     * the server back, stores every row of the undisturbed run. Nothing is lost.
     */
    @Test
    void aStopThatCannotDrainCancelsKeepingTheCheckpointsAndResumeStoresEveryRow() throws Exception {
        Database db = PG.newJobDatabase();
        Path work = dir.resolve("work");
        List<String> args = new ArrayList<>(List.of(runArgs(db, work)));
        args.addAll(List.of("--set", "lpr.stop.drain-wait=20s"));
        String first;
        try (LprProcess lpr = LprProcess.start(dir, Map.of(), args.toArray(String[]::new))) {
            lpr.awaitWhileRunning("the first camera's row and a checkpoint", () -> count(db) >= 1 && hasCheckpoint(work));
            PG.stopServer();
            try {
                awaitAlive(lpr, "the sink giving up and the job restarting", Duration.ofMinutes(4),
                        () -> restarts(lpr.output()) >= 1);
                lpr.process().destroy(); // SIGTERM
                assertThat(lpr.awaitExit(300)).as(lpr.output()).isEqualTo(RunCommand.NOT_DRAINED);
            } finally {
                PG.startServer();
            }
            first = lpr.output();
        }
        assertThat(first).contains("lpr: the job could not drain within 20 s", "it was cancelled with its checkpoints kept",
                "lpr: stopped without draining; nothing is lost").doesNotContain("clean stop failed");
        assertThat(hasCheckpoint(work)).as("the checkpoints outlive the cancelled job").isTrue();

        args.add("--resume");
        try (LprProcess resumed = LprProcess.start(dir, Map.of(), args.toArray(String[]::new))) {
            assertThat(resumed.awaitExit(ROWS_AFTER_RETURN.toSeconds())).as(resumed.output()).isZero();
            assertNoStatementParameters(first + resumed.output());
        }
        assertThat(rows(db)).as("rows after the resume, as a multiset").containsExactlyInAnyOrderElementsOf(reference);
    }

    private void outage(Duration length, int leastRestarts) throws Exception {
        Database db = PG.newJobDatabase();
        Path work = dir.resolve("work");
        try (LprProcess lpr = LprProcess.start(dir, Map.of(), runArgs(db, work))) {
            lpr.awaitWhileRunning("the first camera's row and a checkpoint", () -> count(db) >= 1 && hasCheckpoint(work));
            PG.stopServer();
            long back = System.nanoTime() + length.toNanos();
            try {
                // The server stays down at least until the sink has given up once, so the outage is longer
                // than its retry window however slowly this machine plays the clips.
                awaitAlive(lpr, "the sink giving up and the job restarting", length.plusMinutes(3),
                        () -> restarts(lpr.output()) >= 1);
                awaitAlive(lpr, "the end of the outage", length, () -> System.nanoTime() >= back);
            } finally {
                PG.startServer();
            }
            String during = lpr.output();

            awaitAlive(lpr, "every row of the undisturbed run", ROWS_AFTER_RETURN, () -> reference.equals(rowsOrNone(db)));
            assertThat(lpr.awaitExit(ROWS_AFTER_RETURN.toSeconds())).as(lpr.output()).isZero();

            String output = lpr.output();
            assertThat(rows(db)).as("rows after the outage, as a multiset").containsExactlyInAnyOrderElementsOf(reference);
            assertThat(output).as("writes hit the stopped server").contains("unreachable", "SQLSTATE 08");
            assertThat(restarts(during)).as("restarts while the server was away: %s", during)
                    .isGreaterThanOrEqualTo(leastRestarts);
            assertThat(output).doesNotContain("FATAL - exception in exception handler", "TaskManager #0 failed", "clean stop failed",
                    "\"ps\" is null");
            assertNoStatementParameters(output);
        }
    }

    /** No line carries a statement or its values: the crop's bytes, the INSERT, a plate text in an SQL error. */
    private static void assertNoStatementParameters(String output) {
        assertThat(output).doesNotContain("INSERT", "Batch entry", "\\xffd8", "ffd8ff", PG.password());
        for (String line : output.split("\n")) {
            if (line.contains("SQLSTATE") || line.contains("unreachable") || line.contains("cannot write")
                    || line.contains("ERROR") || line.contains("WARN")) {
                assertThat(line).as("a failure's line").doesNotContain(PLATES.get(0), PLATES.get(1));
            }
        }
    }

    private static int restarts(String output) {
        int restarts = 0;
        for (Matcher m = RESTARTED.matcher(output); m.find(); ) {
            restarts++;
        }
        return restarts;
    }

    /** Waits for {@code condition} while lpr runs, or has ended well (exit 0); fails with its output otherwise. */
    private static void awaitAlive(LprProcess lpr, String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(lpr.process().isAlive() || lpr.process().exitValue() == 0)
                    .as("lpr failed before %s: %s", what, lpr.output()).isTrue();
            assertThat(System.nanoTime()).as("no %s within %s: %s", what, timeout, lpr.output()).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static String[] runArgs(Database db, Path work) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--models", System.getProperty("lpr.test.models"),
                "--sink", db.url(), "--set", "lpr.sink.user=" + PG.user(), "--set", "lpr.work-dir=" + work,
                "--set", "lpr.camera.realtime=true", "--set", "lpr.camera.sample-fps=1",
                "--set", "lpr.camera.frame-width=1280", "--set", "lpr.camera.frame-height=720",
                "--set", "execution.checkpointing.interval=1s"));
        for (Map.Entry<String, Integer> camera : Map.of("first", FIRST_S, "during", DURING_S, "long", LONG_S).entrySet()) {
            Path clip = clips.resolve(camera.getKey() + ".mp4");
            if (!clip.toFile().exists()) {
                TestClips.make(clips, clip.getFileName().toString(), camera.getValue(), 1, 1920, 1080);
                // A file's frames are timed from its modification time less its length: all three start at the
                // same instant, so no camera holds back the others' event time (and with it their rows).
                Files.setLastModifiedTime(clip, FileTime.fromMillis(CLIPS_START_MS + camera.getValue() * 1000L));
            }
            args.addAll(List.of("--camera", camera.getKey() + "=" + clip));
        }
        return args.toArray(String[]::new);
    }

    private static List<String> rows(Database db) {
        List<PlateEvent> events = EventStore.query(db, EventQuery.latest());
        assertThat(events).allSatisfy(e -> assertThat(e.plateText).isIn(PLATES));
        return events.stream().map(e -> e.cameraId + " " + e.plateText + " frames=" + e.frames + " votes=" + e.votes)
                .sorted().toList();
    }

    private static List<String> rowsOrNone(Database db) {
        try {
            return rows(db);
        } catch (RuntimeException | AssertionError e) {
            return List.of();
        }
    }

    private static long count(Database db) {
        try {
            return EventStore.count(db);
        } catch (RuntimeException e) {
            return 0; // no table yet
        }
    }
}
