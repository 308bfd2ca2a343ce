package io.lpr.cli;

import io.lpr.settings.SourceOptions;
import io.lpr.db.Database;
import io.lpr.decode.FileClock;
import io.lpr.event.PlateEvent;
import io.lpr.image.Images;
import io.lpr.job.DatabaseOptions;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import io.lpr.job.RunningJob;
import io.lpr.local.LocalRun;
import io.lpr.model.ModelDirectory;
import io.lpr.model.ModelException;
import io.lpr.events.EventFormat;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.video.DemoClip;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole product in one command: a short H.264 clip panning over the sample photo (unless a video is
 * given) runs through the job in local Flink into the events database, and this run's events are printed.
 * A run that finds no event ends with one line on stderr and exit code 1.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the job on a demo clip made from the sample image and prints the events found.")
final class DemoCommand implements Callable<Integer> {
    static final String CAMERA = "demo";

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    ModelOptions models;

    @Mixin
    VerboseOption verbose;

    @Mixin
    DatabaseOptions databaseOptions;

    @Option(names = "--video", paramLabel = "FILE", description = "Run on this video instead of the generated clip.")
    Path video;

    @Option(names = "--image", paramLabel = "FILE",
            description = "Photo to make the clip from (default: $LPR_DEMO_IMAGE, else car.jpg beside the models).")
    Path image;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of the generated clip (default ${DEFAULT-VALUE}).")
    double seconds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        LprSettings settings = LprSettings.from(databaseOptions.applyTo(settingsOptions.configuration(models)).build());
        String sink = settings.sink().jdbcUrl();
        ensureModels(settings, err);
        Path clip = video != null ? video : makeClip(settings.models(), err);

        // The clip's events are timed by the clip itself, from when its recording started.
        Instant recorded = Instant.ofEpochMilli(FileClock.startMillis(clip));
        var configuration = databaseOptions.applyTo(settingsOptions.configuration(models))
                .set(SourceOptions.CAMERAS.key(), List.of(CAMERA + "=" + clip))
                .build();
        err.println("lpr: running the job on " + clip + " ...");
        err.flush();
        try (LocalRun local = LocalRun.of(configuration, null, err)) {
            RunningJob job = JobRunner.start(configuration, "lpr-demo", local::open);
            local.started(job);
            job.await();
            local.endedCleanly();
        }

        List<PlateEvent> events = EventStore.query(JobRunner.database(settings),
                new EventQuery(CAMERA, null, recorded, null, EventQuery.DEFAULT_LIMIT, false));
        if (events.isEmpty()) {
            // The demo exists to show a plate read: finding none is a failure a script (CI) must see.
            throw new UserException("the demo found no plate event in " + clip + " (give --image or --video "
                    + "with a readable Russian plate)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d plate event(s) from camera '%s' in %s:%n", events.size(), CAMERA, Database.mask(sink));
        events.forEach(e -> out.println(EventFormat.line(e)));
        out.println(ServeCommand.howToSee(sink));
        out.flush();
        return 0;
    }

    /** Models missing from the default folder are fetched (that needs the internet); elsewhere it is an error. */
    private void ensureModels(LprSettings settings, PrintWriter err) throws Exception {
        ModelDirectory models = settings.models();
        if (hasModels(settings)) {
            return;
        }
        Path fetch = home().resolve("models/fetch");
        boolean defaultDir = models.path().equals(home().resolve(ModelDirectory.DEFAULT).toAbsolutePath().normalize());
        if (defaultDir && Files.isExecutable(fetch)) {
            err.println("lpr: no models in " + models + "; fetching them with models/fetch ...");
            err.flush();
            int exit = new ProcessBuilder(fetch.toString()).inheritIO().start().waitFor();
            if (exit == 0 && hasModels(settings)) {
                return;
            }
        }
        throw new ModelException("no models in " + models + ": run models/fetch (needs the internet), "
                + "or give --models DIR / set LPR_MODELS_DIR (e.g. ../shared/seed/models)");
    }

    private static boolean hasModels(LprSettings settings) {
        try {
            JobRunner.requireModels(settings);
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    private Path makeClip(ModelDirectory models, PrintWriter err) throws Exception {
        Path photo = sampleImage(image, models);
        Path clip = home().resolve("job/target/demo/demo-" + (int) seconds + "s.mp4");
        if (!Files.isRegularFile(clip) || Files.getLastModifiedTime(clip).compareTo(Files.getLastModifiedTime(photo)) < 0) {
            Files.createDirectories(clip.getParent());
            err.println("lpr: making a " + seconds + " s H.264 clip from " + photo + " ...");
            err.flush();
            try (Mat mat = Images.read(photo)) {
                DemoClip.write(mat, clip, seconds, 10, 1920, 1080);
            }
        }
        return clip;
    }

    /** The given photo, else $LPR_DEMO_IMAGE, else car.jpg beside or inside the model directory. */
    static Path sampleImage(Path image, ModelDirectory models) {
        String env = System.getenv("LPR_DEMO_IMAGE");
        return Stream.of(image, env == null ? null : Paths.get(env),
                        models.path().resolveSibling("images").resolve("car.jpg"),
                        models.path().resolve("car.jpg"))
                .filter(p -> p != null && Files.isRegularFile(p))
                .findFirst()
                .orElseThrow(() -> new UserException("no sample image: give --image FILE (a photo with a plate) "
                        + "or --video FILE"));
    }

    private static Path home() {
        return Paths.get(System.getProperty("lpr.home", ".")).toAbsolutePath().normalize();
    }
}
