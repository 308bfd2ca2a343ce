package io.lpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.event.Box;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a user meets it: output on stdout, and one readable line on stderr for each kind of mistake. */
class LprCliTest {
    static final String MODELS = System.getProperty("lpr.test.models");
    static final Path CAR = Paths.get(System.getProperty("lpr.test.images"), "car.jpg");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    static Result lpr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LprCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** What local Flink puts into {@code java.io.tmpdir} when no work folder takes its temporary files. */
    static Set<String> flinkFilesInSystemTmp() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("flink-rpc-") || name.startsWith("minicluster_"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void recognizePrintsTheCarPlateInTheImagesOwnPixels() throws Exception {
        Result r = lpr("recognize", "--models", MODELS, CAR.toString());

        assertThat(r.exit).as(r.err).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertThat(json.get("image").asText()).isEqualTo(CAR.toString());
        // The reference box on the 1920x1080 frame, in car.jpg's own 780x439 pixels.
        Box reference = new Box(232.44186f, 814.19446f, 324.64374f, 841.9125f).scaled(780 / 1920f, 439 / 1080f);
        JsonNode plate = null;
        for (JsonNode p : json.get("plates")) {
            JsonNode b = p.get("box");
            Box box = new Box((float) b.get(0).asDouble(), (float) b.get(1).asDouble(), (float) b.get(2).asDouble(),
                    (float) b.get(3).asDouble());
            if (box.iou(reference) >= 0.5) {
                plate = p;
            }
        }
        assertThat(plate).as("a plate over the reference box in %s", r.out).isNotNull();
        assertThat(plate.get("text").asText()).isIn("B840CK197", "B840OK197");
        assertThat(plate.get("score").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void aMissingModelDirectoryIsOneLine() {
        Result r = lpr("recognize", "--models", dir.resolve("nowhere").toString(), CAR.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).startsWith("lpr: model directory not found: ").doesNotContain("\n").doesNotContain("at io.");
    }

    @Test
    void aCorruptModelIsOneLineNamingTheFile() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        for (String name : new String[] {"plate-detector.yolov9t-416-end2end.int8.onnx", "stn.torchscript.pt",
                "lprnet.torchscript.pt"}) {
            Files.write(models.resolve(name), "garbage".getBytes());
        }
        Result r = lpr("recognize", "--models", models.toString(), CAR.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).startsWith("lpr: ").contains("plate-detector.yolov9t-416-end2end.int8.onnx")
                .doesNotContain("\n");
    }

    @Test
    void anImageThatIsNotAnImageIsReportedAndTheOthersStillRead() throws Exception {
        Path notImage = Files.writeString(dir.resolve("notes.jpg"), "hello");
        Result r = lpr("recognize", "--models", MODELS, notImage.toString(), CAR.toString());
        assertThat(r.exit).isEqualTo(1);
        String[] lines = r.out.strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"error\"").contains("notes.jpg");
        assertThat(lines[1]).contains("\"plates\"");
    }

    @Test
    void aBadCameraSpecIsOneLine() {
        Result r = lpr("run", "--models", MODELS, "--camera", "no-equals-sign");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).startsWith("lpr: camera spec 'no-equals-sign'").doesNotContain("\n");
    }

    @Test
    void aBadSettingIsOneLine() {
        Result r = lpr("run", "--models", MODELS, "--camera", "a=" + CAR, "--set", "lpr.detector.confidence=high");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).startsWith("lpr: ").contains("lpr.detector.confidence").doesNotContain("\n");
    }

    @Test
    void anUnwritableDatabaseIsOneLine() {
        Result r = lpr("run", "--models", MODELS, "--camera", "a=" + CAR, "--sink", "jdbc:sqlite:/nonexistent/dir/plates.db");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).startsWith("lpr: ").contains("/nonexistent/dir/plates.db").doesNotContain("\n");
    }

    @Test
    void anUnreadableVideoIsOneLine() throws Exception {
        Path video = Files.writeString(dir.resolve("clip.mp4"), "not a video");
        Result r = lpr("run", "--models", MODELS, "--camera", "gate=" + video, "--sink", "jdbc:sqlite:" + dir.resolve("p.db"));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.strip()).startsWith("lpr: ").contains("gate").contains("clip.mp4").doesNotContain("\n");
    }

    @Test
    void queryOfAMissingDatabaseIsOneLine() {
        Result r = lpr("query", "--db", "jdbc:sqlite:" + dir.resolve("missing.db"));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).isEmpty();
        assertThat(r.err.strip()).startsWith("lpr: no SQLite database at ").contains("missing.db").doesNotContain("\n");
    }
}
