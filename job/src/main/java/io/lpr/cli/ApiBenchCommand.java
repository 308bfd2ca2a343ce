package io.lpr.cli;

import io.lpr.bench.ApiBench;
import io.lpr.bench.RecognizeApiBench;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import io.lpr.settings.ServeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lpr bench api}: the flags of {@link ApiBench}, which times {@code lpr serve}'s queries, and, given an
 * image, of {@link RecognizeApiBench}, which times {@code POST /api/recognize} beside the bare models.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Times lpr serve's JSON API (p50/p99) on a throw-away database of many events; with --image, "
                + "also POST /api/recognize at 1, 8 and 32 callers beside the bare models.")
final class ApiBenchCommand implements Callable<Integer> {
    /** The settings flags are bench's: {@code lpr bench --set lpr.recognizer.max-delay=50ms api --image ...}. */
    @ParentCommand
    BenchCommand bench;

    @Mixin
    ModelOptions models;

    @Option(names = "--events", defaultValue = "100000", description = "Events in the database (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--requests", defaultValue = "200", description = "Timed requests per query (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--image", paramLabel = "FILE",
            description = "A JPEG or PNG with plates: also times POST /api/recognize on it, with the models of --models.")
    Path image;

    @Option(names = "--recognize-requests", defaultValue = "64",
            description = "Timed recognize requests per number of callers (default ${DEFAULT-VALUE}).")
    int recognizeRequests;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (image == null && models.modelsDir != null) {
            throw new UserException("--models is used only with --image, which times POST /api/recognize");
        }
        RecognizeApiBench recognize = null;
        if (image != null) {
            if (!Files.isRegularFile(image)) {
                throw new UserException("--image " + image + ": no such file");
            }
            Configuration configuration = bench.settingsOptions.configuration(models).build();
            LprSettings settings = LprSettings.from(configuration);
            JobRunner.requireModels(settings); // before the queries' minute, not after
            recognize = new RecognizeApiBench(settings, ServeConfig.from(configuration), image, recognizeRequests);
        }
        new ApiBench(events, requests).run(spec.commandLine().getOut());
        if (recognize != null) {
            spec.commandLine().getOut().println();
            recognize.run(spec.commandLine().getOut());
        }
        return 0;
    }
}
