package io.lpr.job;

import io.lpr.settings.RunOptions;
import io.lpr.util.Messages;
import io.lpr.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A submitted job that can be stopped the way {@code flink stop --drain} stops one: nothing found is lost. */
public final class RunningJob {
    private static final Logger LOG = LoggerFactory.getLogger(RunningJob.class);
    private static final long STOP_TIMEOUT_S = 120;
    private static final long CANCEL_TIMEOUT_S = 60;
    private static final long RETRY_EVERY_MS = 1_000;

    private final JobClient client;
    private final boolean detached;
    private final Path savepoints;
    private final Duration drainWait;
    private volatile String notDrained;

    /**
     * @param savepoints where the draining savepoint goes; null for a temporary folder
     * @param drainWait how long {@link #stop()} keeps trying to drain a job that is restarting
     */
    RunningJob(JobClient client, boolean detached, Path savepoints, Duration drainWait) {
        this.client = client;
        this.detached = detached;
        this.savepoints = savepoints;
        this.drainWait = drainWait;
    }

    /**
     * Submitted to a cluster without waiting for it ({@code flink run -d}, or {@code /jars/{id}/run}, where
     * {@code main} runs inside the JobManager): the caller returns at once and must not install handlers.
     */
    public boolean detached() {
        return detached;
    }

    public JobID id() {
        return client.getJobID();
    }

    public String jobId() {
        return id().toHexString();
    }

    /**
     * Stops the job with a final savepoint, draining it: the sources end, event time jumps to the end so
     * every passage still open becomes an event, and the sinks flush before the job finishes. The savepoint
     * is the tool's own (it holds nothing a later run needs: every event is stored) and is deleted.
     *
     * <p>A job that is restarting (Flink refuses a savepoint until every task runs again), or that fails while
     * draining (the sink cannot write), is tried again every second for up to {@code lpr.stop.drain-wait}
     * ({@code RunOptions.STOP_DRAIN_WAIT}'s default). If it still cannot drain, it is cancelled instead, which loses
     * nothing either: its checkpoints are kept (a local run retains them on cancellation) and {@code --resume}
     * replays what came after the last one.
     *
     * @throws NotDrainedException the job was cancelled, not drained; {@link #notDrained()} says why
     */
    public void stop() throws Exception {
        // The folder is made once, outside the retries: a folder that cannot be made fails the stop at once.
        Path dir = savepoints != null ? Files.createDirectories(savepoints) : Files.createTempDirectory("lpr-savepoint");
        try {
            stopInto(dir);
        } finally {
            if (savepoints == null) {
                FileUtils.deleteDirectoryQuietly(dir.toFile());
            }
        }
    }

    private void stopInto(Path dir) throws Exception {
        long deadline = System.nanoTime() + drainWait.toNanos();
        String said = null;
        for (int attempt = 0; ; attempt++) {
            try {
                drain(dir);
                return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    throw e;
                }
                if (ended()) {
                    return; // it ended by itself meanwhile (its files ended): nothing is left to stop
                }
                String cause = oneLine(e);
                if (System.nanoTime() > deadline) {
                    notDrained = cause;
                    client.cancel().get(CANCEL_TIMEOUT_S, TimeUnit.SECONDS);
                    throw new NotDrainedException("the job could not drain within " + drainWait.toSeconds()
                            + " s (" + cause + "); it was cancelled with its checkpoints kept");
                }
                if (attempt == 0) {
                    LOG.warn("the job cannot drain now ({}); trying again every second for up to {} s, while it "
                            + "restarts", cause, drainWait.toSeconds());
                } else if (!cause.equals(said)) {
                    // Each new reason once, not every second: what kept a stop from draining is then on record.
                    LOG.warn("the job still cannot drain ({})", cause);
                }
                said = cause;
                Thread.sleep(RETRY_EVERY_MS);
            }
        }
    }

    private void drain(Path dir) throws Exception {
        String savepoint = client.stopWithSavepoint(true, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        FileUtils.deleteDirectoryQuietly(new java.io.File(new org.apache.flink.core.fs.Path(savepoint).toUri().getPath()));
    }

    private boolean ended() {
        try {
            JobStatus status = client.getJobStatus().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
            return status.isGloballyTerminalState();
        } catch (Exception e) {
            return false;
        }
    }

    /** The first line of the innermost cause, password-masked: Flink's own exceptions are chains of wrappers. */
    private static String oneLine(Throwable e) {
        Throwable cause = ExceptionUtils.stripCompletionException(ExceptionUtils.stripExecutionException(e));
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Database.mask(Messages.firstLine(root));
    }

    /** Why the last {@link #stop()} cancelled the job instead of draining it; null while it has not. */
    public String notDrained() {
        return notDrained;
    }

    /** A stop that had to cancel the job: nothing is lost, the rest is for {@code --resume}. */
    public static final class NotDrainedException extends Exception {
        private static final long serialVersionUID = 1L;

        NotDrainedException(String message) {
            super(message);
        }
    }

    /** Waits until the job ends, by itself (files only) or after {@link #stop()}. */
    public JobExecutionResult await() throws Exception {
        return client.getJobExecutionResult().get();
    }
}
