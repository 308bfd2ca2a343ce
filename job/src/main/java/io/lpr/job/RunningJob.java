package io.lpr.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

/** A submitted job that can be stopped the way {@code flink stop --drain} stops one: nothing found is lost. */
public final class RunningJob {
    private static final long STOP_TIMEOUT_S = 120;

    private final JobClient client;
    private final boolean detached;

    RunningJob(JobClient client, boolean detached) {
        this.client = client;
        this.detached = detached;
    }

    /**
     * Submitted to a cluster without waiting for it ({@code flink run -d}, or {@code /jars/{id}/run}, where
     * {@code main} runs inside the JobManager): the caller returns at once and must not install handlers.
     */
    public boolean detached() {
        return detached;
    }

    public String jobId() {
        return client.getJobID().toHexString();
    }

    /**
     * Stops the job with a final savepoint, draining it: the sources end, event time jumps to the end so
     * every passage still open becomes an event, and the sinks flush before the job finishes.
     */
    public void stop() throws Exception {
        Path savepoints = Files.createTempDirectory("lpr-savepoint");
        client.stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Waits until the job ends, by itself (files only) or after {@link #stop()}. */
    public JobExecutionResult await() throws Exception {
        return client.getJobExecutionResult().get();
    }
}
