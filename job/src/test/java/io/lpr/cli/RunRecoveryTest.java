package io.lpr.cli;

import static io.lpr.cli.RunCommandSignalTest.files;
import static io.lpr.cli.RunCommandSignalTest.hasCheckpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.testing.LprProcess;
import io.lpr.testing.PostgresServer;
import io.lpr.testing.TestClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of real processes cost delay, never events, never doubles: {@code lpr run} killed with
 * {@code kill -9} and resumed from its last checkpoint, and a PostgreSQL server stopped and started again
 * while the job writes to it.
 */
class RunRecoveryTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path dir;

    @Test
    void aRunKilledWithSigkillResumesFromItsLastCheckpointWithEachPassageStoredOnce() throws Exception {
        Path clip = clip("gate.mp4", 8);
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        Path work = dir.resolve("work");
        List<String> args = runArgs(sink, work, "gate=" + clip);

        try (LprProcess first = LprProcess.start(dir, Map.of(), args.toArray(String[]::new))) {
            first.awaitWhileRunning("checkpoint", () -> hasCheckpoint(work));
            first.process().destroyForcibly(); // kill -9: no hook, no drain
            first.awaitExit(60);
            assertThat(first.output()).contains("the same command with --resume continues from the last one");
        }
        assertThat(hasCheckpoint(work)).as("the checkpoint outlives the process").isTrue();

        args.add("--resume");
        try (LprProcess second = LprProcess.start(dir, Map.of(), args.toArray(String[]::new))) {
            assertThat(second.awaitExit(300)).as(second.output()).isZero();
            assertThat(second.output()).contains("lpr: resuming from checkpoint " + work.resolve("checkpoints"));
        }
        assertPassagesStoredOnce(Database.of(sink, null, null), "gate");
        assertThat(files(work.resolve("checkpoints"))).as("checkpoints once the run ended cleanly").isEmpty();
        assertThat(files(work.resolve("tmp"))).as("temp files of both processes").isEmpty();
    }

    @Test
    void aPostgresOutageWhileTheJobWritesCostsDelayNotEvents() throws Exception {
        String url = PG.newDatabase();
        Path work = dir.resolve("work");
        // The short camera's passage is written while the long one still plays, into a stopped server.
        List<String> args = runArgs(url, work, "short=" + clip("short.mp4", 5), "long=" + clip("long.mp4", 10));
        args.addAll(List.of("--set", "lpr.sink.user=" + PG.user()));

        try (LprProcess lpr = LprProcess.start(dir, Map.of("LPR_DB_PASSWORD", PG.password()), args.toArray(String[]::new))) {
            lpr.awaitWhileRunning("checkpoint", () -> hasCheckpoint(work));
            PG.stopServer();
            try {
                lpr.awaitWhileRunning("a write into the stopped database", () -> lpr.output().contains("unreachable"));
            } finally {
                PG.startServer();
            }
            assertThat(lpr.awaitExit(300)).as(lpr.output()).isZero();
            assertThat(lpr.output()).doesNotContain(PG.password());
        }
        assertPassagesStoredOnce(Database.of(url + "?password=" + PG.password(), PG.user(), null), "short", "long");
    }

    private Path clip(String name, int seconds) throws Exception {
        return TestClips.make(dir, name, seconds, 1, 1920, 1080);
    }

    private static List<String> runArgs(String sink, Path work, String... cameras) {
        List<String> args = new ArrayList<>(List.of("run", "--models", System.getProperty("lpr.test.models"),
                "--sink", sink, "--set", "lpr.work-dir=" + work, "--set", "lpr.camera.realtime=true",
                "--set", "lpr.camera.sample-fps=1", "--set", "execution.checkpointing.interval=1s"));
        for (String camera : cameras) {
            args.addAll(List.of("--camera", camera));
        }
        return args;
    }

    private static void assertPassagesStoredOnce(Database db, String... cameras) {
        List<PlateEvent> events = EventStore.query(db, EventQuery.latest());
        assertThat(events).extracting(e -> e.cameraId).containsExactlyInAnyOrder(cameras);
        assertThat(events).allSatisfy(e -> assertThat(e.plateText).isIn("B840CK197", "B840OK197"));
    }
}
