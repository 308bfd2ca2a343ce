package io.lpr.local;

import io.lpr.util.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;

/**
 * The folder of the tool's own for a run in this process ({@code ./lpr run}, {@code demo}; {@code eval} and
 * {@code bench} use only {@code tmp/}); {@code .lpr} in the current directory unless {@code lpr.work-dir} says
 * otherwise:
 * <ul>
 *   <li>{@code tmp/PID/}: Flink's temporary files (RPC jar, MiniCluster folder, blobs), deleted when the
 *       process exits; a folder left by a process that was killed is deleted by the next run;</li>
 *   <li>{@code checkpoints/JOB_ID/chk-N/}: the job's checkpoints, kept when the process dies so that
 *       {@code ./lpr run --resume} continues from the newest; deleted when the run ends cleanly;</li>
 *   <li>{@code savepoints/}: the draining savepoint a stop takes, deleted once the job has stopped.</li>
 * </ul>
 */
public final class WorkFolder {
    private static final int TMP_DELETE_TRIES = 50;
    private static final long TMP_DELETE_PAUSE_MS = 100;

    private final Path root;
    private final Path tmp;

    private WorkFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp").resolve(Long.toString(ProcessHandle.current().pid()));
    }

    public static WorkFolder at(Path root) {
        return new WorkFolder(root);
    }

    /** Creates the folder and clears what killed processes left in {@code tmp/}. */
    public WorkFolder create() {
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(checkpoints());
            Files.createDirectories(savepoints());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot create the work folder " + root + ": "
                    + e.getMessage(), e));
        }
        sweepDeadProcesses();
        return this;
    }

    /** Flink's temporary files for this process. */
    public Path tmp() {
        return tmp;
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path savepoints() {
        return root.resolve("savepoints");
    }

    /** Where Flink keeps the checkpoints of one job. */
    public Path checkpointsOf(JobID job) {
        return checkpoints().resolve(job.toHexString());
    }

    /** The newest completed checkpoint any run left here (its {@code chk-N} folder), if any. */
    public Optional<Path> newestCheckpoint() {
        try (Stream<Path> jobs = list(checkpoints())) {
            return jobs.flatMap(WorkFolder::list)
                    .filter(chk -> chk.getFileName().toString().startsWith("chk-"))
                    .filter(chk -> Files.isRegularFile(chk.resolve("_metadata")))
                    .max(Comparator.comparing(WorkFolder::modified));
        }
    }

    /**
     * Deletes this process's temporary files; called when a run closes and on exit. A local job's MiniCluster
     * shuts down asynchronously after the job's result is in, and may still write or remove its files here for
     * a moment, so a delete that finds the folder changed under it is tried again for up to
     * {@value #TMP_DELETE_TRIES} times {@value #TMP_DELETE_PAUSE_MS} ms.
     */
    public void deleteTmp() {
        for (int i = 0; i < TMP_DELETE_TRIES && Files.exists(tmp); i++) {
            delete(tmp);
            if (Files.exists(tmp)) {
                try {
                    Thread.sleep(TMP_DELETE_PAUSE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Deletes a folder and everything in it; what is already gone is fine. */
    public static void delete(Path path) {
        try {
            Folders.deleteTree(path);
        } catch (IOException | UncheckedIOException e) {
            // Best effort, as on exit: what cannot go now is swept by the next run (sweepDeadProcesses).
        }
    }

    private void sweepDeadProcesses() {
        try (Stream<Path> folders = list(root.resolve("tmp"))) {
            folders.filter(folder -> !isLiveProcess(folder.getFileName().toString())).forEach(WorkFolder::delete);
        }
    }

    private static boolean isLiveProcess(String name) {
        try {
            return ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Stream<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            return all.stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
