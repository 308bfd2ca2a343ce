package io.lpr.cli;

import io.lpr.sink.PlateEventStatement;
import static io.lpr.cli.LprCliTest.CAR;
import static io.lpr.cli.LprCliTest.MODELS;
import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.cli.LprCliTest.Result;
import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventStore;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.testing.ClaimingPng;
import io.lpr.testing.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes and odd input at the command line: each is one clear line, or is read as a person means it. */
class CliMistakesTest {
    @TempDir
    Path dir;

    @Test
    void recognizeOnAnEmptyFileIsOneJsonErrorAndTheOtherImagesAreStillRead() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        Result r = lpr("recognize", "--models", MODELS, empty.toString(), CAR.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception");
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"error\"").contains("empty.jpg");
        assertThat(lines[1]).contains("\"plates\"").contains("B840");
    }

    @Test
    void recognizeReportsAnImageThatClaimsTooManyPixelsAndStillReadsTheOthers() throws Exception {
        Path huge = Files.write(dir.resolve("huge.png"), ClaimingPng.of(100_000, 100_000));
        assertThat(huge).hasSize(65);
        Result r = lpr("recognize", "--models", MODELS, huge.toString(), CAR.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception");
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("huge.png").contains("\"error\"").contains("100000x100000")
                .contains("100 million");
        assertThat(lines[1]).contains("\"plates\"").contains("B840");
    }

    @Test
    void aCameraFlagIsOneIdAndUrlEvenWithASemicolonInIt() {
        String url = dir.resolve("gate;2.ts").toString();
        Result r = lpr("run", "--models", MODELS, "--camera", "gate=" + url, "--sink", sqlite("p.db"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("lpr: camera gate: no such video file: " + url);
    }

    @Test
    void aMisspeltSettingIsRefusedWithTheNearestValidKey() throws Exception {
        Result set = lpr("run", "--models", MODELS, "--camera", "a=" + CAR, "--set", "lpr.camera.sample-fpz=2");
        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.err().strip())
                .isEqualTo("lpr: unknown setting 'lpr.camera.sample-fpz'; did you mean 'lpr.camera.sample-fps'?");

        Path config = Files.writeString(dir.resolve("lpr.yaml"), "lpr:\n  tracker:\n    pasage-gap: 2 s\n");
        Result file = lpr("run", "--models", MODELS, "--camera", "a=" + CAR, "--config", config.toString());
        assertThat(file.err().strip())
                .isEqualTo("lpr: unknown setting 'lpr.tracker.pasage-gap'; did you mean 'lpr.tracker.passage-gap'?");

        Result flink = lpr("run", "--models", MODELS, "--camera", "a=" + CAR, "--set", "paralelism.default=1");
        assertThat(flink.err().strip()).isEqualTo("lpr: unknown setting 'paralelism.default': neither an lpr setting "
                + "nor a Flink option; did you mean 'parallelism.default'?");
    }

    @Test
    void flinksOwnSettingsPassThrough() {
        String missing = dir.resolve("missing.mp4").toString();
        Result r = lpr("run", "--models", MODELS, "--camera", "a=" + missing, "--sink", sqlite("p.db"),
                "--set", "parallelism.default=1", "--set", "execution.checkpointing.interval=5s");
        assertThat(r.err().strip()).as("the next check is reached").isEqualTo("lpr: camera a: no such video file: " + missing);
    }

    @Test
    void settingsOfEveryLprOptionClassAreKnown() {
        String missing = dir.resolve("missing.mp4").toString();
        Result r = lpr("run", "--models", MODELS, "--camera", "a=" + missing, "--sink", sqlite("p.db"),
                "--set", "lpr.dedup.window=2 min", "--set", "lpr.recognizer.min-confidence=0.6",
                "--set", "lpr.kafka.topic=events");
        assertThat(r.err().strip()).as("the next check is reached").isEqualTo("lpr: camera a: no such video file: " + missing);
    }

    @Test
    void anExistingSqliteFileTheJobCannotWriteIsRefusedAtStartWithOneLine() throws Exception {
        Path file = dir.resolve("plates.db");
        EventStore.ensureSchema(Database.of("jdbc:sqlite:" + file, null, null));
        Path video = TestClips.make(dir, "gate.mp4", 1, 1, 320, 240);
        // Opened read-only, as a read-only file, folder or mount opens it.
        Result r = lpr("run", "--models", MODELS, "--camera", "gate=" + video, "--sink",
                "jdbc:sqlite:" + file + "?open_mode=1", "--set", "lpr.work-dir=" + dir.resolve("work"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("lpr: cannot write to jdbc:sqlite:" + file).contains("readonly")
                .doesNotContain("\n");
        assertThat(dir.resolve("work")).as("refused before anything started").doesNotExist();
    }

    @Test
    void resumeWithoutACheckpointIsOneLine() throws Exception {
        Path video = TestClips.make(dir, "gate.mp4", 1, 1, 320, 240);
        Path work = dir.resolve("work");
        Result r = lpr("run", "--models", MODELS, "--camera", "gate=" + video, "--sink", sqlite("p.db"),
                "--set", "lpr.work-dir=" + work, "--resume");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("lpr: --resume: no checkpoint in " + work.resolve("checkpoints")
                + " to resume from");
        Result notACheckpoint = lpr("run", "--models", MODELS, "--camera", "gate=" + video, "--sink", sqlite("p.db"),
                "--set", "lpr.work-dir=" + work, "--resume", dir.toString());
        assertThat(notACheckpoint.err().strip()).isEqualTo("lpr: --resume: " + dir + " is not a checkpoint (no _metadata in it)");
    }

    @Test
    void camerasAddRefusesWhatRunRefuses() {
        for (String url : List.of("not a url", dir.resolve("missing.mp4").toString())) {
            Result add = lpr("cameras", "add", "gate", url, "--db", sqlite("cams.db"));
            Result run = lpr("run", "--models", MODELS, "--camera", "gate=" + url, "--sink", sqlite("p.db"));
            assertThat(add.exit()).isEqualTo(1);
            assertThat(add.err()).isEqualTo(run.err()).startsWith("lpr: camera gate: ");
        }
        assertThat(lpr("cameras", "list", "--db", sqlite("cams.db")).out()).isEmpty();
    }

    @Test
    void queryDbAndRunSinkFollowOneRule() {
        Result query = lpr("query", "--db", "foo");
        Result run = lpr("run", "--models", MODELS, "--camera", "a=" + CAR, "--sink", "foo");
        assertThat(query.exit()).isEqualTo(1);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(query.err()).isEqualTo(run.err()).startsWith("lpr: the database must be a JDBC URL");
    }

    @Test
    void querySinceTakesDatesAndTimes() {
        String url = sqlite("events.db");
        Database db = Database.of(url, null, null);
        EventStore.ensureSchema(db);
        PlateEventStatement.upsert(db, List.of(event("early", "2026-11-29T23:00:00Z"), event("late", "2026-11-30T09:30:00Z")));

        assertThat(lpr("query", "--db", url, "--since", "2026-11-30").out()).contains("late").doesNotContain("early");
        assertThat(lpr("query", "--db", url, "--since", "2026-11-30 09:00").out()).contains("late");
        assertThat(lpr("query", "--db", url, "--since", "2026-11-30T10:00").out()).isEmpty();
        assertThat(lpr("query", "--db", url, "--since", "2026-11-30T12:00+03:00").out()).contains("late");
        assertThat(lpr("query", "--db", url, "--since", "2026-11-29T22:00:00Z").out()).contains("early");

        Result bad = lpr("query", "--db", url, "--since", "yesterday");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'yesterday' is not a date or time").doesNotContain("Could not format");
    }

    @Test
    void helpTextsSayWhatTheyMean() {
        assertThat(lpr("cameras", "add", "--help").out()).contains("${VAR} is").doesNotContain("null");
        Result query = lpr("query", "--help");
        assertThat(query.out()).contains("(*567AM*,").contains("O???AM76)").contains("--near=PLATE");
        assertThat(query.err()).doesNotContain("Could not format");
    }

    @Test
    void cameraStatusShowsReadableTimes() {
        String url = sqlite("status.db");
        CameraStatusTable table = new CameraStatusTable(Database.of(url, null, null));
        table.createIfAbsent();
        long since = Instant.parse("2026-11-30T18:04:05Z").toEpochMilli();
        table.upsert(List.of(new CameraStatus("gate", "connected", null, since, 42, 1, since + 60_000)));

        assertThat(lpr("cameras", "status", "--db", url).out().strip()).isEqualTo(
                "gate: connected since 2026-11-30 18:04:05Z, 42 frames analysed, 1 reconnects, reported 2026-11-30 18:05:05Z"
                        + "; STALE: not written for over 30 s, the job may have stopped");
        table.upsert(List.of(new CameraStatus("gate", "connected", null, since, 43, 1, System.currentTimeMillis())));
        assertThat(lpr("cameras", "status", "--db", url).out()).contains("43 frames analysed").doesNotContain("STALE");
    }

    private String sqlite(String name) {
        return "jdbc:sqlite:" + dir.resolve(name);
    }

    private static PlateEvent event(String camera, String firstSeen) {
        PlateEvent e = new PlateEvent();
        e.cameraId = camera;
        e.plateText = "B840CK197";
        e.firstSeen = Instant.parse(firstSeen).toEpochMilli();
        e.lastSeen = e.firstSeen + 1_000;
        e.frames = 2;
        e.votes = 2;
        return e;
    }

    @Test
    void anUnreachableClusterIsOneLineNamingItsAddress() throws Exception {
        int port = io.lpr.cluster.LocalCluster.freePort(); // nothing listens there
        Path jar = Files.write(dir.resolve("job.jar"), new byte[16]);
        Result r = lpr("run", "--cluster", "127.0.0.1:" + port, "--jar", jar.toString(), "--models", MODELS,
                "--camera", "a=" + CAR);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("lpr: no Flink cluster answers at 127.0.0.1:" + port
                + " (connection refused): start one with `lpr cluster start`, or check --cluster HOST:PORT");
    }

    @Test
    void aClusterTaskManagerTooSmallIsOneLineNamingTheMinimumAndStartsNothing() throws Exception {
        int port = io.lpr.cluster.LocalCluster.freePort();
        Path clusterDir = dir.resolve("cluster");
        Result r = lpr("cluster", "start", "--port", String.valueOf(port), "--dir", clusterDir.toString(),
                "--conf", Path.of("..", "flink-conf", "cluster").toString(),
                "--classpath-file", Path.of("target", "lpr.classpath").toString(),
                "-Dtaskmanager.memory.process.size=3g");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines().toList()).last().asString()
                .matches("lpr: taskmanager\\.memory\\.process\\.size=3g is too small for the other taskmanager\\.memory"
                        + " settings: the minimum is \\d+m .*");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(clusterDir.resolve("pid")).doesNotExist();
    }
}
