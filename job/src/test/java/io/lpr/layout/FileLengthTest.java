package io.lpr.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small readable classes: no main source file of either module runs over 300 lines. */
class FileLengthTest {
    private static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsOver300Lines() throws IOException {
        // The tests run in job/, so the project's root is one folder up.
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> tooLong = Stream.of("udf", "job")
                .flatMap(module -> javaFiles(root.resolve(module).resolve("src/main/java")).stream())
                .filter(file -> lines(file) > MAX_LINES)
                .map(file -> root.relativize(file) + " (" + lines(file) + " lines)")
                .toList();
        assertThat(javaFiles(root.resolve("udf/src/main/java"))).as("udf's sources are found").isNotEmpty();
        assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
