package io.lpr.settings;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A local run's own settings; checked when built.
 *
 * @param workDir the tool's own folder: Flink's temporary files, checkpoints, draining savepoints
 * @param drainWait how long a stop keeps trying while the job cannot drain because it is restarting after a task
 *     failed (the events database away, say) or fails again while draining. By default the longest restart
 *     backoff (30 s), the sink's retry window (60 s) and a drain, twice over
 */
public record RunConfig(String workDir, Duration drainWait) implements Serializable {
    public static final RunConfig DEFAULTS = new RunConfig(".lpr", Duration.ofMinutes(4));

    /** @throws IllegalArgumentException naming the bad setting */
    public RunConfig {
        if (workDir == null || workDir.isBlank()) {
            throw new IllegalArgumentException("lpr.work-dir must name a folder");
        }
        if (drainWait == null || drainWait.isNegative()) {
            throw new IllegalArgumentException("lpr.stop.drain-wait must not be negative, got " + drainWait);
        }
    }

    /** {@code lpr.work-dir} and {@code lpr.stop.*} ({@link RunOptions}), checked. */
    public static RunConfig from(ReadableConfig c) {
        return new RunConfig(c.get(RunOptions.WORK_DIR), c.get(RunOptions.STOP_DRAIN_WAIT));
    }

    public RunConfig withWorkDir(String value) {
        return new RunConfig(value, drainWait);
    }

    public RunConfig withDrainWait(Duration value) {
        return new RunConfig(workDir, value);
    }
}
