package io.lpr.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.util.FileUtils;

/** A submitted job that can be stopped the way {@code flink stop --drain} stops one: nothing found is lost. */
public final class RunningJob {
    private static final long STOP_TIMEOUT_S = 120;

    private final JobClient client;
    private final boolean detached;
    private final Path savepoints;

    /** @param savepoints where the draining savepoint goes; null for a temporary folder */
    RunningJob(JobClient client, boolean detached, Path savepoints) {
        this.client = client;
        this.detached = detached;
        this.savepoints = savepoints;
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
     */
    public void stop() throws Exception {
        Path dir = savepoints != null ? Files.createDirectories(savepoints) : Files.createTempDirectory("lpr-savepoint");
        String savepoint = client.stopWithSavepoint(true, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        FileUtils.deleteDirectoryQuietly(new java.io.File(new org.apache.flink.core.fs.Path(savepoint).toUri().getPath()));
        if (savepoints == null) {
            FileUtils.deleteDirectoryQuietly(dir.toFile());
        }
    }

    /** Waits until the job ends, by itself (files only) or after {@link #stop()}. */
    public JobExecutionResult await() throws Exception {
        return client.getJobExecutionResult().get();
    }
}
