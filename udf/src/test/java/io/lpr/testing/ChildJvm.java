package io.lpr.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class's {@code main} in a JVM of its own, on the test's class path, with its own {@code java.io.tmpdir}
 * (to see what it leaves there) and its output in a file. Closing it kills the process if it is still alive.
 */
public final class ChildJvm implements AutoCloseable {
    private static final long TIMEOUT_MS = 300_000;

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} with {@code tmp} as its java.io.tmpdir; its output goes to a file in {@code dir}. */
    public static ChildJvm start(Path dir, Path tmp, Class<?> main, String... args) throws IOException {
        Files.createDirectories(tmp);
        Path log = Files.createTempFile(dir, "child-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Waits, while the process lives, for a line of its output starting with {@code prefix}; returns the rest. */
    public String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            Optional<String> line = output().lines().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get().substring(prefix.length()).strip();
            }
            assertThat(process.isAlive()).as("process ended before printing %s: %s", prefix, output()).isTrue();
            assertThat(System.currentTimeMillis()).as("no %s: %s", prefix, output()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** {@code kill -9}: no shutdown hook, no delete-on-exit runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed process ended").isTrue();
    }

    /** Whatever is left directly in {@code dir}. */
    public static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            return left.toList();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
    }
}
