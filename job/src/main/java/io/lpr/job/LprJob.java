package io.lpr.job;

import io.lpr.db.SinkOptions;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.db.Database;
import io.lpr.model.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shaded jar's entry point for {@code flink run}: the same flags as {@code ./lpr run}, executed on the
 * environment Flink provides (the cluster's when submitted, a local one when started directly). The cluster
 * runs, checkpoints and restarts the job, so there is no local work folder, checkpoints or restarts here.
 */
public final class LprJob {
    private LprJob() {}

    /** The run's flags and the settings flags {@code ./lpr run} passes on ({@code --resume} is the cluster's). */
    @Command(name = "lpr-job")
    static final class Arguments {
        @Mixin
        JobArguments job = new JobArguments();

        @Option(names = "--models", paramLabel = "DIR")
        String modelsDir;

        @Option(names = "--config", paramLabel = "FILE")
        Path configFile;

        @Option(names = "--set", paramLabel = "KEY=VALUE")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--resume", arity = "0..1", paramLabel = "CHECKPOINT", fallbackValue = "")
        String resume;

        Configuration configuration() throws java.io.IOException {
            return job.applyTo(new JobConfiguration()
                    .file(configFile)
                    .overrides(overrides)
                    .set(ModelDirectoryOptions.DIR.key(), ModelDirectory.resolve(modelsDir).toString()))
                    .build();
        }
    }

    public static void main(String[] args) throws Exception {
        // The jar leaves the native-bearing libraries to the cluster's lib/: say so in one line if they are not there.
        ClusterLibraries.require(LprJob.class.getClassLoader());
        Arguments arguments = parse(args);
        Configuration configuration = arguments.configuration();
        RunningJob job = JobRunner.start(configuration, "lpr");
        if (job.detached()) {
            System.out.println(job.jobId());
            return;
        }
        JobExecutionResult result = job.await();
        System.err.printf("lpr: job finished in %.1f s; events are in %s%n", result.getNetRuntime() / 1000.0,
                Database.mask(configuration.get(SinkOptions.JDBC_URL)));
    }

    /** The flags read as {@code ./lpr run} reads them; a mistake is refused with picocli's one-line message. */
    static Arguments parse(String[] args) {
        Arguments arguments = new Arguments();
        try {
            new CommandLine(arguments).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // Flink's client reports a failed main() as a failed submission.
            throw new IllegalArgumentException("lpr job: " + e.getMessage(), e);
        }
        return arguments;
    }
}
