package io.lpr.cli;

import io.lpr.db.SinkOptions;
import io.lpr.cluster.JobSubmission;
import io.lpr.cluster.RestApi;
import io.lpr.db.Database;
import io.lpr.job.JobArguments;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import io.lpr.job.RunningJob;
import java.nio.file.Path;
import io.lpr.local.LocalRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the job: the cameras' video through detection, recognition and tracking into the events database.
 * With only video files it ends when they end; Ctrl-C or SIGTERM stops it cleanly at any time.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the job on the given cameras and stores one event per vehicle passage.",
            "With only video files it ends when they end; with live cameras or a cameras file/table it runs until "
                    + "Ctrl-C or SIGTERM, which stop it cleanly with every event found so far stored."})
final class RunCommand implements Callable<Integer> {
    /**
     * Exit status of a stop that could not drain the job (it kept restarting: the events database away, say)
     * and cancelled it instead: nothing is lost, its checkpoints are kept for {@code --resume}. EX_TEMPFAIL of
     * sysexits.h: try again later.
     */
    static final int NOT_DRAINED = 75;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    ModelOptions models;

    @Mixin
    VerboseOption verbose;

    @Mixin
    JobArguments jobArguments;

    @Option(names = "--cluster", paramLabel = "HOST:PORT",
            description = "Submit to this Flink cluster's REST endpoint (e.g. 127.0.0.1:8081, see 'lpr cluster') and return with the job id.")
    String cluster;

    @Option(names = "--jar", paramLabel = "FILE", description = "With --cluster: the job jar (default job/target/lpr-job-*-flink.jar).")
    Path jar;

    @Option(names = "--from-savepoint", paramLabel = "PATH",
            description = "With --cluster: start from this savepoint or retained checkpoint (as the cluster sees the path).")
    String fromSavepoint;

    @Option(names = "--resume", arity = "0..1", paramLabel = "CHECKPOINT", fallbackValue = LocalRun.NEWEST,
            description = {"Continues from a checkpoint a run that died left: the newest in the work folder "
                    + "(lpr.work-dir), or the given chk-N folder. Give the same cameras and database as before."})
    String resume;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (cluster != null) {
            return submit();
        }
        Configuration configuration = jobArguments.applyTo(settingsOptions.configuration(models)).build();
        try (LocalRun local = LocalRun.of(configuration, resume, spec.commandLine().getErr())) {
            RunningJob job = JobRunner.start(configuration, "lpr", local::open);
            local.started(job);
            local.sayHowToResume();
            StopOnSignal.install(job, spec.commandLine().getErr());
            JobExecutionResult result;
            try {
                result = job.await();
            } catch (Exception e) {
                if (job.notDrained() == null) {
                    throw e;
                }
                spec.commandLine().getErr().println("lpr: stopped without draining; nothing is lost: the same command "
                        + "with --resume continues from the last checkpoint and stores what came after it");
                return NOT_DRAINED;
            }
            local.endedCleanly();
            report(configuration, result);
        }
        return 0;
    }

    private void report(Configuration configuration, JobExecutionResult result) {
        String url = Database.mask(configuration.get(SinkOptions.JDBC_URL));
        spec.commandLine().getErr().printf("lpr: job finished in %.1f s; events are in %s%n",
                result.getNetRuntime() / 1000.0, url);
    }

    /** Like {@code flink run -d}: upload the job jar, run it on the cluster, print the job id. */
    private int submit() throws Exception {
        RestApi rest = new RestApi(cluster);
        Path home = Path.of(System.getProperty("lpr.home", ".")).toAbsolutePath();
        Path jobJar = jar != null ? jar : JobSubmission.findJar(home);
        List<String> original = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!original.isEmpty() && original.get(0).equals(spec.name())) {
            original.remove(0); // the whole command line: `run` goes, LprJob reads the run's flags alone
        }
        List<String> args = JobSubmission.clusterArguments(original, LprSettings.from(settingsOptions.configuration(models).build()).models().path());
        String jobId = JobSubmission.submit(rest, jobJar, args, fromSavepoint);
        spec.commandLine().getErr().println("lpr: submitted to " + rest.address() + "; follow it at " + rest.address()
                + "/#/job/running/" + jobId);
        spec.commandLine().getOut().println(jobId);
        return 0;
    }
}
