package io.lpr.cli;

import io.lpr.db.Database;
import io.lpr.job.JobRunner;
import io.lpr.job.LprOptions;
import io.lpr.job.RunningJob;
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
            "With only video files it ends when they end; with live cameras or a cameras file/table it runs until",
            "Ctrl-C or SIGTERM, which stop it cleanly with every event found so far stored."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--camera", paramLabel = "ID=PATH", description = "A camera, e.g. gate1=/videos/gate1.mp4 (repeat for more).")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--cameras", paramLabel = "FILE",
            description = "YAML file of cameras, re-read while the job runs: add, change or disable cameras without a restart.")
    String camerasFile;

    @Option(names = "--cameras-table", description = "Also take cameras from the 'cameras' table of the sink database (see 'lpr cameras').")
    boolean camerasTable;

    @Option(names = "--sink", paramLabel = "JDBC_URL",
            description = "Events database (default jdbc:sqlite:plates.db; jdbc:postgresql://... with the password in $LPR_DB_PASSWORD).")
    String sink;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Configuration configuration = settingsOptions.configuration()
                .set(LprOptions.CAMERAS.key(), cameras)
                .set(LprOptions.SINK_URL.key(), sink)
                .set(LprOptions.CAMERAS_FILE.key(), camerasFile)
                .set(LprOptions.CAMERAS_TABLE.key(), camerasTable ? "true" : null)
                .build();
        RunningJob job = JobRunner.start(configuration, "lpr");
        StopOnSignal.install(job, spec.commandLine().getErr());
        JobExecutionResult result = job.await();
        String url = Database.mask(configuration.get(LprOptions.SINK_URL));
        spec.commandLine().getErr().printf("lpr: job finished in %.1f s; events are in %s%n",
                result.getNetRuntime() / 1000.0, url);
        return 0;
    }
}
