package io.lpr.cli;

import io.lpr.bench.StageBench;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lpr bench}: the flags of {@link StageBench}, which measures every stage and prints one table. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = ApiBenchCommand.class,
        description = "Measures detector, recogniser, decoding, end-to-end speed and the stop time; prints a table.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    ModelOptions models;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--image", paramLabel = "FILE", description = "Photo to measure on (default: car.jpg beside the models).")
    Path image;

    @Option(names = "--frames", defaultValue = "10", description = "Detector calls to time (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--crops", defaultValue = "96", description = "Crops to read per batch size (default ${DEFAULT-VALUE}).")
    int crops;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of the end-to-end clip (default ${DEFAULT-VALUE}).")
    double seconds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LprSettings settings = LprSettings.from(settingsOptions.configuration(models).build());
        JobRunner.requireModels(settings);
        Path photo = DemoCommand.sampleImage(image, settings.models());
        new StageBench(() -> settingsOptions.configuration(models), photo, frames, crops, seconds, spec.commandLine().getOut(),
                spec.commandLine().getErr()).run();
        return 0;
    }
}
