package io.lpr.cli;

import io.lpr.eval.EvalRun;
import io.lpr.eval.EvalScore;
import io.lpr.job.JobConfiguration;
import io.lpr.local.LocalRun;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the job on a labelled folder and prints event- and frame-level accuracy. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Runs the job on the labelled clips and images of DIR (manifest.json) and prints precision, "
                + "recall, text accuracy, junk, duplicates and per-frame read accuracy.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    ModelOptions models;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "DIR", description = "Folder with manifest.json and the files it lists.")
    Path dir;

    @Option(names = "--make", paramLabel = "IMAGES",
            description = "First build the standard labelled set into DIR from the labelled photographs in IMAGES "
                    + "(car.jpg, kulakov-scene.jpg; e.g. ../shared/seed/images).")
    Path images;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        JobConfiguration configuration = settingsOptions.configuration(models);
        if (images != null) {
            err.println("lpr: building the labelled set in " + dir + " ...");
            err.flush();
            LabelledClips.write(images, dir);
        }
        Path manifestFile = dir.resolve(LabelledClips.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new UserException("no " + LabelledClips.MANIFEST + " in " + dir
                    + ": give a labelled folder, or --make IMAGES to build the standard set there");
        }
        EvalManifest manifest = EvalManifest.read(manifestFile);
        err.println("lpr: evaluating " + manifest.files().size() + " file(s) in " + dir + " ...");
        err.flush();
        EvalScore.Report report;
        try (LocalRun local = LocalRun.of(configuration.build(), null, err)) {
            local.openForTemporaryFiles(configuration);
            report = EvalRun.run(dir, manifest, configuration);
        }
        print(report, spec.commandLine().getOut());
        return 0;
    }

    static void print(EvalScore.Report r, PrintWriter out) {
        out.printf("| measure | value |%n| --- | --- |%n");
        out.printf("| expected vehicles | %d |%n", r.expected());
        out.printf("| events | %d |%n", r.events());
        out.printf("| event precision (exact text) | %.3f |%n", r.precision());
        out.printf("| event recall (exact text) | %.3f |%n", r.recall());
        out.printf("| exact-text accuracy of found vehicles | %.3f |%n", r.textAccuracy());
        out.printf("| wrong-text events | %d |%n", r.wrongText());
        out.printf("| duplicate events | %d |%n", r.duplicates());
        out.printf("| junk events | %d |%n", r.junk());
        out.printf("| plates in view (frames) | %d |%n", r.framePlates());
        out.printf("| found by the detector | %d |%n", r.frameFound());
        out.printf("| per-frame read accuracy | %.3f (%d) |%n", r.frameReadAccuracy(), r.frameRead());
        out.printf("| junk reads (readable, no plate there) | %d |%n", r.junkReads());
        out.printf("| detector boxes read | %d |%n", r.boxes());
        out.printf("| of those unreadable (no valid text, or below min confidence) | %d |%n", r.rejected());
        out.printf("| detector boxes skipped (plate already sure, not read) | %d |%n", r.skipped());
        out.printf("%n| confidence >= | reads | exactly right |%n| --- | --- | --- |%n");
        for (EvalScore.Calibration c : r.calibration()) {
            out.printf("| %.2f | %d | %s |%n", c.threshold(), c.reads(),
                    c.reads() == 0 ? "-" : String.format("%.3f", c.exact() / (double) c.reads()));
        }
        out.printf("%n");
        r.details().forEach(d -> out.println("- " + d));
        if (!r.problems().isEmpty()) {
            out.printf("%n");
            r.problems().forEach(p -> out.println("- " + p));
        }
        out.flush();
    }
}
