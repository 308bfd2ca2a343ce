package io.lpr.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models/fetch --from}: copies the models with their checksums verified, and refuses a bad copy. */
class ModelsFetchTest {
    static final Path FETCH = Paths.get("../models/fetch").toAbsolutePath().normalize();
    static final String SEED = System.getProperty("lpr.test.models");

    @TempDir
    Path dir;

    record Run(int exit, String output) {}

    static Run fetch(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = FETCH.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    @Test
    void copiesAndVerifiesEveryModelAndSkipsThemTheSecondTime() throws Exception {
        Path dest = dir.resolve("weights");
        Run first = fetch("--from", SEED, "--dest", dest.toString());
        assertThat(first.exit()).as(first.output()).isZero();
        for (String name : new String[] {"plate-detector.yolov9t-416-end2end.int8.onnx", "stn.torchscript.pt",
                "lprnet.torchscript.pt"}) {
            assertThat(dest.resolve(name)).hasSameBinaryContentAs(Paths.get(SEED, name));
        }
        Run second = fetch("--from", SEED, "--dest", dest.toString());
        assertThat(second.exit()).isZero();
        assertThat(second.output()).contains("stn.torchscript.pt (already present)");
    }

    @Test
    void aCopyWithTheWrongChecksumIsRefusedAndRemoved() throws Exception {
        Path source = Files.createDirectories(dir.resolve("mirror"));
        for (String name : new String[] {"plate-detector.yolov9t-416-end2end.int8.onnx", "stn.torchscript.pt"}) {
            Files.copy(Paths.get(SEED, name), source.resolve(name));
        }
        Files.writeString(source.resolve("lprnet.torchscript.pt"), "not the model");
        Path dest = dir.resolve("weights");

        Run run = fetch("--from", source.toString(), "--dest", dest.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("lprnet.torchscript.pt")
                .contains("17ac3f64c3d48b12aedf6a49a4bbcd87a94ed2151f240e055b344b6364f60bb6");
        assertThat(dest.resolve("lprnet.torchscript.pt")).doesNotExist();
    }
}
