package io.lpr.cli;

import io.lpr.bench.ThreadsBench;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lpr bench threads}: the flags of {@link ThreadsBench}. */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = "Detector intra-op threads against parallel sessions, and recogniser batch sizes, in wall and CPU time.")
final class ThreadsBenchCommand implements Callable<Integer> {
    /** The settings flags are bench's, inherited: {@code lpr bench threads --set ...}. */
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--image", paramLabel = "FILE", description = "Photo to measure on (default: car.jpg beside the models).")
    Path image;

    @Option(names = "--calls", defaultValue = "60", description = "Detector calls per line (default ${DEFAULT-VALUE}).")
    int calls;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LprSettings settings = LprSettings.from(bench.settingsOptions.configuration(bench.models).build());
        JobRunner.requireModels(settings);
        new ThreadsBench(settings, DemoCommand.sampleImage(image, settings.models()), calls,
                spec.commandLine().getOut()).run();
        return 0;
    }
}
