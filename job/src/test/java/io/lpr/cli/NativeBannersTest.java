package io.lpr.cli;

import static io.lpr.cli.LprCliTest.CAR;
import static io.lpr.cli.LprCliTest.MODELS;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.testing.LprProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FFmpeg and the OpenH264 encoder write to the process's own stderr, past any Java stream: only a process of its
 * own shows what a user sees. {@code demo} makes a clip (the encoder's warnings) and reads it back (FFmpeg's
 * stream dump); neither reaches stderr unless {@code --verbose} asks for it.
 */
class NativeBannersTest {
    /** The starts of FFmpeg's and OpenH264's banner lines, and JavaCV's own notes. */
    private static final List<String> BANNERS = List.of("[libopenh264", "[OpenH264]", "Output #0", "Input #0",
            "Stream #0", "Metadata:", "Info: ");

    @TempDir
    Path dir;

    @Test
    void demoPrintsWhatItDoesAndNotTheEncodersLogUnlessVerbose() throws Exception {
        String quiet = demo("quiet.db");
        assertThat(quiet).contains("lpr: making a 1.0 s H.264 clip from " + CAR).contains("lpr: running the job on ")
                .contains("plate event(s) from camera 'demo'");
        for (String banner : BANNERS) {
            assertThat(quiet.lines()).as(quiet).noneMatch(line -> line.strip().startsWith(banner));
        }

        String verbose = demo("verbose.db", "--verbose");
        assertThat(verbose.lines()).as(verbose).anyMatch(line -> line.startsWith("Input #0"));
    }

    /** The output of {@code lpr demo} on a one-second clip, with its clip made afresh under its own home. */
    private String demo(String db, String... more) throws Exception {
        Path home = dir.resolve(db + "-home");
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--models", MODELS, "--image", CAR.toString(),
                "--seconds", "1", "--db", "jdbc:sqlite:" + dir.resolve(db), "--set", "lpr.camera.sample-fps=5"));
        args.addAll(List.of(more));
        try (LprProcess lpr = LprProcess.start(dir, Map.of(), List.of("-Dlpr.home=" + home), args.toArray(String[]::new))) {
            int exit = lpr.awaitExit(300);
            assertThat(exit).as(lpr.output()).isZero();
            return lpr.output();
        }
    }
}
