package io.lpr.cli;

import static io.lpr.cli.LprCliTest.CAR;
import static io.lpr.cli.LprCliTest.MODELS;
import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.lpr.guide.GuideConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lpr demo} and {@code lpr bench} as a user runs them, on short clips: they run and print their tables. */
class DemoAndBenchCommandTest {
    @TempDir
    Path dir;

    private String home;

    /** The demo writes its clip under the project home; here, the test's own directory. */
    @BeforeEach
    void homeInTempDir() {
        home = System.getProperty("lpr.home");
        System.setProperty("lpr.home", dir.toString());
    }

    @AfterEach
    void restoreHome() {
        if (home == null) {
            System.clearProperty("lpr.home");
        } else {
            System.setProperty("lpr.home", home);
        }
    }

    @Test
    void demoFindsThePlateOfTheSamplePhotoAsOneEvent() {
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        LprCliTest.Result r = lpr("demo", "--models", MODELS, "--image", CAR.toString(), "--seconds", "4",
                "--sink", sink, "--set", "lpr.camera.sample-fps=2");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("1 plate event(s) from camera 'demo' in " + sink + ":");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("demo").containsAnyOf("B840CK197", "B840OK197");
        assertThat(lines.get(2)).isEqualTo(ServeCommand.howToSee(sink)).contains("./lpr serve --db " + sink);
        assertThat(dir.resolve("job/target/demo/demo-4s.mp4")).isRegularFile();
    }

    @Test
    void demoThatFindsNoEventFailsWithOneLine() {
        Path blank = dir.resolve("no-plate.jpg");
        try (Mat grey = new Mat(1080, 1920, CV_8UC3, new Scalar(128, 128, 128, 0))) {
            assertThat(imwrite(blank.toString(), grey)).isTrue();
        }
        String sink = "jdbc:sqlite:" + dir.resolve("plates.db");
        LprCliTest.Result r = lpr("demo", "--models", MODELS, "--image", blank.toString(), "--seconds", "2",
                "--sink", sink, "--set", "lpr.camera.sample-fps=2");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().filter(l -> l.startsWith("lpr: the demo found no plate event in ")))
                .as(r.err()).singleElement().asString().contains("demo-2s.mp4");
    }

    /** The row's first group, which must match the whole row (trailing spaces aside). */
    private static double number(String row, String regex) {
        Matcher m = Pattern.compile(regex + "\\s*").matcher(row);
        assertThat(m.matches()).as("%s%nshould match%n%s", row, regex).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void positive(String row, String regex) {
        assertThat(number(row, regex)).as(row).isPositive();
    }

    @Test
    void benchPrintsOneRowPerStageAndTheStopTimeAndLeavesNoTempFiles() throws Exception {
        Set<String> flinkFilesBefore = LprCliTest.flinkFilesInSystemTmp();
        Path work = dir.resolve("work");
        LprCliTest.Result r = lpr("bench", "--models", MODELS, "--image", CAR.toString(), "--frames", "1",
                "--crops", "1", "--seconds", "1", "--set", "lpr.camera.sample-fps=2", "--set", "lpr.work-dir=" + work);

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("stage").contains("throughput", "bare forward", "measured/bare");
        assertThat(lines.subList(1, lines.size() - 1)).satisfiesExactly(
                row -> assertThat(row).startsWith("detector, 1920x1080 frame (tiles [640, 832] + whole frame)"),
                row -> assertThat(row).startsWith("recogniser, batch 1 "),
                row -> assertThat(row).startsWith("recogniser, batch 8 "),
                row -> assertThat(row).startsWith("recogniser, batch 32 "),
                row -> assertThat(row).startsWith("decode H.264 1080p, keep 2.0 fps").contains("ffmpeg"),
                row -> assertThat(row).startsWith("detector, static camera, 2 cars crossing, full tiling")
                        .contains("15.0 calls"),
                row -> assertThat(row).startsWith("detector, same, guided (")
                        .contains("after the start's " + GuideConfig.START_FRAMES + " frames"),
                row -> positive(row, "CPU, static camera, guided: decode +(\\d+\\.\\d) cpu-ms per analysed frame +\\d+%"),
                row -> assertThat(number(row, "CPU, static camera, guided: guide +(\\d+\\.\\d) cpu-ms per analysed frame +\\d+%"))
                        .isNotNegative(),
                row -> positive(row, "CPU, static camera, guided: detector +(\\d+\\.\\d) cpu-ms per analysed frame +\\d+%"),
                row -> assertThat(number(row, "CPU, static camera, guided: recogniser +(\\d+\\.\\d) cpu-ms per analysed frame +\\d+%"))
                        .isNotNegative(),
                row -> positive(row, "CPU, static camera, guided: all four stages +(\\d+\\.\\d) cpu-ms per frame"
                        + " \\(\\d+\\.\\d calls, \\d+ crops skipped as sure\\)"
                        + " +\\d+\\.\\d cameras at 2\\.0 fps on \\d+ cores"),
                row -> positive(row, "CPU, sparse traffic \\(a car every 10 s, \\d+ s\\), guided +(\\d+) cpu-ms per s of"
                        + " video, \\d+\\.\\d\\d calls per frame +decode/guide/detector/recogniser \\d+ / \\d+ / \\d+ / \\d+ ms"),
                row -> assertThat(row).startsWith("cameras kept up with at 2.0 fps"),
                row -> assertThat(row).startsWith("end to end, 2 frames of the clip"),
                row -> positive(row, "memory, peak RSS of lpr run, 1 / 2 / 4 live cameras \\(real time\\) +(\\d+) / \\d+ / \\d+ MiB"),
                row -> positive(row, "latency, passage's last frame to its row, p50 / p99 +(\\d+\\.\\d\\d) / \\d+\\.\\d\\d s"
                        + " \\(\\d+ passages\\)"),
                row -> positive(row, "latency, alert's frame to the webhook's request, p50 / p99 +(\\d+\\.\\d\\d) / \\d+\\.\\d\\d s"
                        + " \\(\\d+ alerts\\)"),
                row -> assertThat(row).startsWith("stop on SIGTERM, 5 live cameras (drain, final savepoint)")
                        .matches(".* \\d+\\.\\d s \\(3 frames of each handed on\\)\\s*$"));
        assertThat(lines.subList(1, lines.size() - 1))
                .filteredOn(row -> !row.startsWith("CPU, ") && !row.startsWith("memory, ") && !row.startsWith("latency, ")
                        && !row.startsWith("stop on SIGTERM"))
                .hasSize(9)
                .allSatisfy(row -> assertThat(row).matches(".*\\d+\\.\\d\\dx$"));
        assertThat(lines.get(lines.size() - 1)).startsWith("(bare forward:");
        Matcher clip = Pattern.compile("running the job on a [0-9.]+ s clip, (\\S+) \\.\\.\\.").matcher(r.err());
        assertThat(clip.find()).as(r.err()).isTrue();
        assertThat(Path.of(clip.group(1))).doesNotExist();
        assertThat(Path.of(clip.group(1)).getParent()).doesNotExist();
        assertThat(LprCliTest.flinkFilesInSystemTmp()).isSubsetOf(flinkFilesBefore);
        try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
