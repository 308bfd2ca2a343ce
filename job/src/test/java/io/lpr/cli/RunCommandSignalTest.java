package io.lpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.image.Images;
import io.lpr.sink.EventQuery;
import io.lpr.sink.EventStore;
import io.lpr.video.DemoClip;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lpr run} in its own JVM, stopped with SIGTERM as a service manager would: it drains and exits 0. */
class RunCommandSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheRunCleanlyWithTheOpenPassageStored() throws Exception {
        Path clip = dir.resolve("long.mp4");
        try (Mat photo = Images.read(Paths.get(System.getProperty("lpr.test.images"), "car.jpg"))) {
            DemoClip.write(photo, clip, 60, 1, 1920, 1080);
        }
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        Path log = dir.resolve("lpr.log");
        Process lpr = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dai.djl.offline=true",
                        "-Dlog4j2.configurationFile=" + Paths.get("../flink-conf/log4j-cli.properties").toAbsolutePath(),
                        "-cp", System.getProperty("java.class.path"),
                        "io.lpr.cli.LprCli", "run",
                        "--models", System.getProperty("lpr.test.models"),
                        "--camera", "gate=" + clip,
                        "--sink", sink,
                        "--set", "lpr.camera.realtime=true",
                        "--set", "lpr.camera.sample-fps=1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!output(log).contains("Assigning cameras")) {
                assertThat(lpr.isAlive()).as("lpr run exited early: %s", output(log)).isTrue();
                assertThat(System.currentTimeMillis()).as("job did not start: %s", output(log)).isLessThan(deadline);
                Thread.sleep(200);
            }
            Thread.sleep(8_000); // a few seconds of the clip, played in real time, go through the job

            lpr.destroy(); // SIGTERM
            assertThat(lpr.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute: %s", output(log)).isTrue();

            assertThat(lpr.exitValue()).as(output(log)).isZero();
            assertThat(output(log)).contains("lpr: stopping: draining the job");
            assertThat(EventStore.query(Database.of(sink, null, null), EventQuery.latest()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.plateText).isIn("B840CK197", "B840OK197"));
        } finally {
            lpr.destroyForcibly();
        }
    }

    private static String output(Path log) throws java.io.IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }
}
