package io.lpr.cluster;

import io.lpr.util.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The pid files of a cluster's processes ({@code ROLE.pid}), and the processes behind them. */
final class Pids {
    private final Path dir;

    Pids(Path dir) {
        this.dir = dir;
    }

    void write(String role, long pid) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(role + ".pid"), pid + "\n");
    }

    /** Every process with a pid file, in start order: the JobManager, then the task managers by number. */
    List<LocalCluster.Member> members() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LocalCluster.Member> members = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted((a, b) -> order(a).compareTo(order(b))).toList()) {
                String role = file.getFileName().toString().replace(".pid", "");
                long pid = Long.parseLong(Files.readString(file).trim());
                members.add(new LocalCluster.Member(role, pid, ours(pid).isPresent()));
            }
        }
        return members;
    }

    /** Stops every process (SIGTERM, then SIGKILL after the timeout) and removes the pid files. */
    List<LocalCluster.Member> stopAll(Duration timeout) throws IOException {
        List<LocalCluster.Member> members = members();
        List<ProcessHandle> handles = new ArrayList<>();
        for (LocalCluster.Member m : members) {
            ours(m.pid()).ifPresent(p -> {
                p.destroy();
                handles.add(p);
            });
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : handles) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        Folders.deleteTree(dir);
        return members;
    }

    /** The live process with this pid, if it is one of Flink's entry points (a reused pid is not ours). */
    private static Optional<ProcessHandle> ours(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> {
            // ProcessHandle.Info cuts long command lines; /proc has all of it.
            try {
                String command = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                        StandardCharsets.UTF_8);
                return command.contains(FlinkJvm.JOB_MANAGER) || command.contains(FlinkJvm.TASK_MANAGER);
            } catch (IOException e) {
                return p.isAlive(); // no /proc: trust the pid file
            }
        });
    }

    private static String order(Path pidFile) {
        String name = pidFile.getFileName().toString();
        if (name.startsWith(LocalCluster.JOB_MANAGER)) {
            return "0";
        }
        String n = name.replaceAll("\\D", "");
        return "1" + "0".repeat(Math.max(0, 6 - n.length())) + n;
    }
}
