package io.lpr.eval;

import io.lpr.recognize.RecognizerOptions;
import io.lpr.detect.DetectorOptions;
import io.lpr.camera.CameraOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.event.PlateRead;
import io.lpr.image.Images;
import io.lpr.job.JobConfiguration;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import io.lpr.job.LprTopology;
import io.lpr.stills.StillImageReader;
import io.lpr.source.CameraSource;
import io.lpr.video.EvalManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Runs the job on the clips of a labelled folder (one camera per clip, every frame analysed) and the
 * recogniser on its images, and scores the outcome with {@link EvalScore}.
 */
public final class EvalRun {
    private static final String QUEUE_TIMEOUT = "6 h";
    private EvalRun() {}

    /** {@code configuration} carries the user's settings (models, overrides); cameras and sinks are set here. */
    public static EvalScore.Report run(Path dir, EvalManifest manifest, JobConfiguration configuration) throws Exception {
        Map<String, List<EvalScore.Event>> events = new HashMap<>();
        Map<String, List<EvalScore.Read>> reads = new HashMap<>();
        Map<String, String> fileOfCamera = new HashMap<>();
        List<String> cameras = new ArrayList<>();
        List<EvalManifest.Entry> images = new ArrayList<>();
        for (EvalManifest.Entry entry : manifest.files()) {
            if (entry.isVideo()) {
                String camera = "eval" + cameras.size();
                fileOfCamera.put(camera, entry.file());
                cameras.add(camera + "=" + dir.resolve(entry.file()).toAbsolutePath());
            } else {
                images.add(entry);
            }
        }
        // Every clip at once, as fast as the models go: frames queue for minutes on a small machine, and a
        // frame dropped for waiting would be scored as the pipeline's miss.
        configuration.set(CameraOptions.SAMPLE_FPS.key(), "0").set(SourceOptions.CAMERAS.key(), cameras)
                .set(DetectorOptions.TIMEOUT.key(), QUEUE_TIMEOUT).set(RecognizerOptions.TIMEOUT.key(), QUEUE_TIMEOUT);
        LprSettings settings = LprSettings.from(configuration.build());
        JobRunner.requireModels(settings);
        readImages(dir, images, settings, events, reads);
        if (!cameras.isEmpty()) {
            runJob(configuration, settings, fileOfCamera, events, reads);
        }
        return EvalScore.score(manifest, events, reads);
    }

    private static void runJob(JobConfiguration configuration, LprSettings settings, Map<String, String> fileOfCamera,
            Map<String, List<EvalScore.Event>> events, Map<String, List<EvalScore.Read>> reads) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration.build());
        DataStream<PlateRead> recognised = LprTopology.reads(env, CameraSource.of(JobRunner.cameras(settings)), settings);
        DataStream<EvalOutcome> outcomes = recognised.map(EvalOutcome::of).name("eval-reads").uid("eval-reads")
                // Each event scored once, as its final record has it: the earlier revisions of a merged event are
                // the same vehicle, not duplicates.
                .union(LprTopology.events(recognised, settings).filter(e -> e.isFinal).name("eval-final-events")
                        .uid("eval-final-events").map(EvalOutcome::of).name("eval-events").uid("eval-events"));
        try (CloseableIterator<EvalOutcome> it = outcomes.collectAsync()) {
            JobClient job = env.executeAsync("lpr-eval");
            while (it.hasNext()) {
                EvalOutcome o = it.next();
                String file = fileOfCamera.get(o.cameraId);
                if (o.event) {
                    events.computeIfAbsent(file, f -> new ArrayList<>()).add(new EvalScore.Event(file, o.text, o.confidence));
                } else {
                    reads.computeIfAbsent(file, f -> new ArrayList<>())
                            .add(new EvalScore.Read(file, o.frame, o.box, o.text, o.confidence, o.skipped));
                }
            }
            // Ended, not just drained: the caller then deletes Flink's temporary files.
            job.getJobExecutionResult().get();
        }
    }

    /** An image is one frame: each readable plate in it is an event, as a parked car's passage would be. */
    private static void readImages(Path dir, List<EvalManifest.Entry> images, LprSettings settings,
            Map<String, List<EvalScore.Event>> events, Map<String, List<EvalScore.Read>> reads) throws Exception {
        if (images.isEmpty()) {
            return;
        }
        try (StillImageReader reader = StillImageReader.open(settings)) {
            for (EvalManifest.Entry entry : images) {
                List<PlateRead> found;
                try (Mat image = Images.read(dir.resolve(entry.file()))) {
                    found = reader.read(image, entry.file()).reads();
                }
                for (PlateRead r : found) {
                    reads.computeIfAbsent(entry.file(), f -> new ArrayList<>())
                            .add(new EvalScore.Read(entry.file(), 0, r.candidate.box, r.text, r.confidence));
                    if (r.readable()) {
                        events.computeIfAbsent(entry.file(), f -> new ArrayList<>())
                                .add(new EvalScore.Event(entry.file(), r.text, r.confidence));
                    }
                }
            }
        }
    }
}
