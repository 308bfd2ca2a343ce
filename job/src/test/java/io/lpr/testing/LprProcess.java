package io.lpr.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code lpr} in its own JVM, as a user or a service manager runs it, with its output in a file and its own
 * {@code java.io.tmpdir} (to see what it leaves there). Closing it kills the process if it is still alive.
 */
public final class LprProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 180_000;

    private final Process process;
    private final Path log;

    private LprProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code lpr ARGS} with the test models; {@code dir} holds its log and its java.io.tmpdir. */
    public static LprProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(dir, env, List.of(), args);
    }

    /** As {@link #start(Path, Map, String...)}, with more JVM options ({@code -Dlpr.home=...}). */
    public static LprProcess start(Path dir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("java-tmp"));
        Path log = Files.createTempFile(dir, "lpr-", ".log");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dai.djl.offline=true", "-Djava.io.tmpdir=" + tmp,
                "-Dlog4j2.configurationFile=" + Paths.get("../flink-conf/log4j-cli.properties").toAbsolutePath(),
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add("io.lpr.cli.LprCli");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new LprProcess(builder.start(), log);
    }

    public Process process() {
        return process;
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Waits until {@code condition} holds while the process is alive; fails with its output otherwise. */
    public void awaitWhileRunning(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive()).as("lpr exited before %s: %s", what, output()).isTrue();
            assertThat(System.currentTimeMillis()).as("no %s: %s", what, output()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(long timeoutSeconds) throws InterruptedException {
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                .as("lpr still running after %d s: %s", timeoutSeconds, output()).isTrue();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
