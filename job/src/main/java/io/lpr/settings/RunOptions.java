package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** A local run's own settings, {@code lpr.work-dir} and {@code lpr.stop.*} ({@link RunConfig}, whose defaults they show). */
public final class RunOptions {
    private RunOptions() {}

    public static final ConfigOption<String> WORK_DIR = key("lpr.work-dir").stringType()
            .defaultValue(RunConfig.DEFAULTS.workDir())
            .withDescription("The tool's own folder for a local run: Flink's temporary files (deleted on exit), "
                    + "the checkpoints --resume continues from, the draining savepoints (deleted after a stop).");
    public static final ConfigOption<Duration> STOP_DRAIN_WAIT = key("lpr.stop.drain-wait").durationType()
            .defaultValue(RunConfig.DEFAULTS.drainWait())
            .withDescription("How long a stop (Ctrl-C, SIGTERM) of a local run keeps trying to drain a job that is "
                    + "restarting (the events database away, say) before it cancels the job instead, keeping its "
                    + "checkpoints for --resume (exit status 75).");
}
