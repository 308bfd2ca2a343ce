package io.lpr.local;

import io.lpr.settings.RunOptions;
import io.lpr.job.JobConfiguration;
import io.lpr.job.RunningJob;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * A run of the job inside this process ({@code ./lpr run}, {@code ./lpr demo}) set up to survive faults:
 * checkpoints every {@value #DEFAULT_CHECKPOINT_INTERVAL_S} s into the {@link WorkFolder}, kept when the
 * process dies; restarts with exponential backoff when a task fails (a database outage costs delay); an
 * optional resume from a kept checkpoint; Flink's temporary files in the work folder, gone on exit.
 * Settings the user gave ({@code --set}, {@code --config}) win over these defaults.
 */
public final class LocalRun implements AutoCloseable {
    static final long DEFAULT_CHECKPOINT_INTERVAL_S = 10;
    /** {@code --resume} with no value: the newest checkpoint in the work folder. */
    public static final String NEWEST = "newest";

    private final WorkFolder folder;
    private final String resume;
    private final PrintWriter err;
    private Path resumedFrom;
    private RunningJob job;

    private LocalRun(WorkFolder folder, String resume, PrintWriter err) {
        this.folder = folder;
        this.resume = resume;
        this.err = err;
    }

    /**
     * A local run with its work folder from {@code lpr.work-dir}; nothing is created before {@link #open}.
     *
     * @param resume null for a fresh run, {@link #NEWEST}, or a checkpoint's folder or {@code _metadata} file
     */
    public static LocalRun of(Configuration configuration, String resume, PrintWriter err) {
        return new LocalRun(WorkFolder.at(Path.of(configuration.get(RunOptions.WORK_DIR))), resume, err);
    }

    /** Creates the work folder and completes {@code configuration}; called once the settings are checked. */
    public void open(Configuration configuration) {
        String tmp = openTmp();
        configuration.set(CoreOptions.TMP_DIRS, tmp);
        configuration.set(WebOptions.TMP_DIR, tmp);
        defaultTo(configuration, CheckpointingOptions.CHECKPOINTING_INTERVAL,
                Duration.ofSeconds(DEFAULT_CHECKPOINT_INTERVAL_S));
        defaultTo(configuration, CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        defaultTo(configuration, CheckpointingOptions.CHECKPOINTS_DIRECTORY, folder.checkpoints().toUri().toString());
        defaultTo(configuration, CheckpointingOptions.SAVEPOINT_DIRECTORY, folder.savepoints().toUri().toString());
        defaultTo(configuration, CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        defaultTo(configuration, RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        defaultTo(configuration, RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                Duration.ofSeconds(1));
        defaultTo(configuration, RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                Duration.ofSeconds(30));
        defaultTo(configuration, RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);

        resumedFrom = resume == null ? null : checkpoint(folder, resume);
        if (resumedFrom != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, resumedFrom.toUri().toString());
            err.println("lpr: resuming from checkpoint " + resumedFrom);
        } else {
            folder.newestCheckpoint().ifPresent(left -> err.println("lpr: a run that did not end cleanly left "
                    + "checkpoint " + left + "; this run starts afresh (add --resume to continue from it instead)"));
        }
        err.flush();
    }

    /**
     * For a command that runs a job to its end and keeps nothing of it ({@code eval}, {@code bench}): only
     * Flink's temporary files (RPC jar, MiniCluster folder) go to the work folder, deleted on close or exit.
     */
    public void openForTemporaryFiles(JobConfiguration configuration) {
        String tmp = openTmp();
        configuration.set(CoreOptions.TMP_DIRS.key(), tmp).set(WebOptions.TMP_DIR.key(), tmp);
    }

    private String openTmp() {
        folder.create();
        Runtime.getRuntime().addShutdownHook(new Thread(folder::deleteTmp, "lpr-work-folder-cleanup"));
        return folder.tmp().toString();
    }

    /** The job this run started: its checkpoints are removed once it ends cleanly. */
    public void started(RunningJob job) {
        this.job = job;
    }

    /** Says where the checkpoints go and how to continue if this process dies. */
    public void sayHowToResume() {
        err.println("lpr: checkpoints in " + folder.checkpointsOf(job.id())
                + "; if this process dies, the same command with --resume continues from the last one");
        err.flush();
    }

    /**
     * The job ended by itself or with a draining stop: every event is stored, so its checkpoints and the one
     * it resumed from are no longer needed.
     */
    public void endedCleanly() {
        if (job != null) {
            WorkFolder.delete(folder.checkpointsOf(job.id()));
        }
        if (resumedFrom != null && resumedFrom.startsWith(folder.checkpoints())) {
            WorkFolder.delete(resumedFrom.getParent());
        }
    }

    @Override
    public void close() {
        folder.deleteTmp();
    }

    private static Path checkpoint(WorkFolder folder, String resume) {
        if (NEWEST.equals(resume)) {
            return folder.newestCheckpoint().orElseThrow(() -> new IllegalArgumentException(
                    "--resume: no checkpoint in " + folder.checkpoints() + " to resume from"));
        }
        Path given = Path.of(resume).toAbsolutePath().normalize();
        Path chk = given.getFileName() != null && given.getFileName().toString().equals("_metadata")
                ? given.getParent() : given;
        if (!Files.isRegularFile(chk.resolve("_metadata"))) {
            throw new IllegalArgumentException("--resume: " + resume + " is not a checkpoint (no _metadata in it)");
        }
        return chk;
    }

    private static <T> void defaultTo(Configuration configuration, ConfigOption<T> option, T value) {
        if (!configuration.contains(option)) {
            configuration.set(option, value);
        }
    }
}
