package io.lpr.bench;

import io.lpr.settings.SourceOptions;
import io.lpr.util.Folders;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import ai.djl.metric.Metric;
import ai.djl.metric.Metrics;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.PlateDetector;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.image.Images;
import io.lpr.job.JobConfiguration;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import io.lpr.job.LprTopology;
import io.lpr.local.LocalRun;
import io.lpr.pipeline.PlateFinder;
import io.lpr.recognize.PlateRecognizer;
import io.lpr.recognize.RecognizerModel;
import io.lpr.source.CameraSource;
import io.lpr.video.DemoClip;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Measures every stage in one run and prints one table: each figure beside the bare model forward time on
 * the same input (DJL's "Inference" timing), so what the pipeline adds shows as a ratio. Its last row is how
 * long a stop takes ({@link StopBench}), which the tests leave to it rather than bound by a wall clock.
 */
public final class StageBench {
    private static final String INFERENCE = "Inference";
    /** Frame rate of the bench's clips: a CCTV camera's, of which the job analyses a few per second. */
    private static final int CLIP_FPS = 25;
    private static final String SECOND_PHOTO = "kulakov-scene.jpg";
    /** Length of the static-camera clip (at most; no longer than --seconds). */
    private static final double STATIC_CLIP_SECONDS = 6;

    /** The run's settings, read afresh for each job the bench starts. */
    @FunctionalInterface
    public interface Settings {
        JobConfiguration configuration() throws IOException;
    }

    private final Settings settingsOptions;
    private final Path photo;
    private final int frames;
    private final int crops;
    private final double seconds;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param photo the photo to measure on
     * @param frames detector calls to time
     * @param crops crops to read per batch size
     * @param seconds length of the end-to-end clip
     */
    public StageBench(Settings settings, Path photo, int frames, int crops, double seconds, PrintWriter out,
            PrintWriter err) {
        this.settingsOptions = settings;
        this.photo = photo;
        this.frames = frames;
        this.crops = crops;
        this.seconds = seconds;
        this.out = out;
        this.err = err;
    }

    private final List<String[]> rows = new ArrayList<>();

    /** Measures every stage and prints the table to {@code out}; progress goes to {@code err}. */
    public void run() throws Exception {
        Configuration configuration = settingsOptions.configuration().build();
        LprSettings settings = LprSettings.from(configuration);
        JobRunner.requireModels(settings);

        double detectorBareMsPerFrame;
        double recognizerBareMsPerCrop;
        int platesPerFrame;
        try (Mat source = Images.read(photo);
                Mat analysed = Images.resized(source, settings.cameraDefaults().width(), settings.cameraDefaults().height(), INTER_AREA)) {
            Frame frame = new Frame("bench", 0, 0, analysed.cols(), analysed.rows(), Images.toBgr(analysed));
            err.println("lpr: timing the detector ...");
            err.flush();
            List<PlateCandidate> candidates;
            try (DetectorModel model = DetectorModel.load(settings.detector(), settings.models())) {
                PlateDetector detector = model.newDetector();
                try (PlateFinder finder = new PlateFinder(
                        detector, new CameraGuides(GuideConfig.DEFAULTS.withGuided(false), settings.detector()))) {
                    candidates = finder.find(frame).candidates(); // warm-up, and the crops for the recogniser
                    Metrics metrics = new Metrics();
                    detector.setMetrics(metrics);
                    long start = System.nanoTime();
                    for (int i = 0; i < frames; i++) {
                        finder.find(frame);
                    }
                    double msPerFrame = (System.nanoTime() - start) / 1e6 / frames;
                    detectorBareMsPerFrame = totalMs(metrics) / frames;
                    row("detector, " + frame.width + "x" + frame.height + " frame (" + describeTiles(settings) + ")",
                            perSecond(msPerFrame, "frames"), detectorBareMsPerFrame, msPerFrame);
                }
            }
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("the detector found no plate in " + photo + ": give --image with a plate");
            }
            platesPerFrame = candidates.size();

            err.println("lpr: timing the recogniser ...");
            err.flush();
            try (RecognizerModel model = RecognizerModel.load(settings.recognizer().withMaxBatch(32), settings.models());
                    PlateRecognizer recognizer = model.newRecognizer()) {
                List<Mat> mats = new ArrayList<>();
                for (PlateCandidate c : candidates) {
                    mats.add(Images.fromBgr(c.cropPixels, c.cropWidth, c.cropHeight));
                }
                double bare = 0;
                try {
                    for (int batch : new int[] {1, 8, 32}) {
                        List<Mat> input = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            input.add(mats.get(i % mats.size()));
                        }
                        for (int i = 0; i < 3; i++) {
                            recognizer.recognize(input); // TorchScript profiles a new input shape's first runs
                        }
                        Metrics metrics = new Metrics();
                        recognizer.setMetrics(metrics);
                        int calls = Math.max(1, crops / batch);
                        long start = System.nanoTime();
                        for (int i = 0; i < calls; i++) {
                            recognizer.recognize(input);
                        }
                        double msPerCrop = (System.nanoTime() - start) / 1e6 / (calls * batch);
                        // DJL records a batched call's Inference time per item of the batch.
                        double bareMsPerCrop = model.lprnetBatched()
                                ? totalMs(metrics) / calls : totalMs(metrics) / (calls * batch);
                        recognizer.setMetrics(null);
                        if (batch == 1) {
                            bare = bareMsPerCrop;
                        }
                        row("recogniser, batch " + batch + (model.lprnetBatched()
                                        ? " (STN and per-sample LPRNet batched)" : " (STN batched, LPRNet per crop)"),
                                perSecond(msPerCrop, "crops"), bareMsPerCrop, msPerCrop);
                    }
                } finally {
                    mats.forEach(Mat::close);
                }
                recognizerBareMsPerCrop = bare;
            }
        }

        Path clipDir = Files.createTempDirectory("lpr-bench");
        Path clip = clipDir.resolve("clip.mp4");
        try {
            try (Mat mat = Images.read(photo)) {
                DemoClip.write(mat, clip, seconds, CLIP_FPS, settings.cameraDefaults().width(), settings.cameraDefaults().height());
            }
            DecodeBench.Result decoded = DecodeBench.measure(clip, settings);
            // Time per frame against FFmpeg's, like the other rows: 1.11x is 0.90x of FFmpeg's rate.
            rows.add(new String[] {"decode H.264 " + settings.cameraDefaults().height() + "p, keep " + settings.cameraDefaults().sampleFps()
                    + " fps of " + CLIP_FPS + " (CPU time)",
                String.format("%.1f decoded/cpu-s (%.1f/s wall)", decoded.perCpuSecond(), decoded.perSecond()),
                String.format("ffmpeg %.1f/cpu-s", decoded.ffmpegPerCpuSecond()),
                String.format("%.2fx", 1 / decoded.ratio())});
            long analysedFrames = decoded.kept();
            guided(photo, settings, clipDir, err);

            err.println("lpr: running the job on a " + seconds + " s clip, " + clip + " ...");
            err.flush();
            JobConfiguration withClip = settingsOptions.configuration()
                    .set(SourceOptions.CAMERAS.key(), List.of("bench=" + clip));
            JobExecutionResult result;
            try (LocalRun local = LocalRun.of(withClip.build(), null, err)) {
                local.openForTemporaryFiles(withClip);
                Configuration flink = withClip.build();
                LprSettings run = LprSettings.from(flink);
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
                env.setParallelism(1);
                LprTopology.build(env, CameraSource.of(JobRunner.cameras(run)), run,
                        Map.of("discard", new DiscardingSink<PlateEvent>()));
                result = env.execute("lpr-bench");
            }
            double msPerFrame = result.getNetRuntime() / (double) analysedFrames;
            double bareMsPerFrame = detectorBareMsPerFrame + platesPerFrame * recognizerBareMsPerCrop;
            row("end to end, " + analysedFrames + " frames of the clip (job start included)",
                    perSecond(msPerFrame, "frames"), bareMsPerFrame, msPerFrame);

            err.println("lpr: timing the stop SIGTERM makes, on " + StopBench.CAMERAS + " live cameras ...");
            err.flush();
            StopBench.Result stop = StopBench.measure(settingsOptions, photo, clipDir, err);
            rows.add(new String[] {"stop on SIGTERM, " + stop.cameras() + " live cameras (drain, final savepoint)",
                String.format("%.1f s (%d frames of each handed on)", stop.seconds(), StopBench.FRAMES_HANDED_ON),
                "", ""});
        } finally {
            Folders.deleteTree(clipDir);
        }
        print();
    }

    /**
     * Guided against full tiling on a static street camera, and the cameras one machine keeps up with. The clip is
     * built from the labelled photographs, so it needs the second one beside the first.
     */
    private void guided(Path photo, LprSettings settings, Path dir, PrintWriter err) throws Exception {
        Path images = photo.toAbsolutePath().getParent();
        if (!Files.isRegularFile(images.resolve(SECOND_PHOTO))) {
            err.println("lpr: no " + SECOND_PHOTO + " beside " + photo + ": guided-detection figures skipped");
            return;
        }
        err.println("lpr: timing guided and full-tiling detection on a static camera ...");
        err.flush();
        double clipSeconds = Math.min(seconds, STATIC_CLIP_SECONDS);
        Path clip = GuidedBench.writeClip(images, dir, clipSeconds);
        try (DetectorModel detector = DetectorModel.load(settings.detector(), settings.models());
                RecognizerModel recognizer = RecognizerModel.load(settings.recognizer(), settings.models())) {
            GuidedBench bench = new GuidedBench(settings, detector, recognizer);
            double[] full = bench.perFrame(clip, GuideConfig.DEFAULTS.withGuided(false));
            double[] guided = bench.perFrame(clip, settings.guide().guided() ? settings.guide() : GuideConfig.DEFAULTS);
            row("detector, static camera, 2 cars crossing, full tiling",
                    String.format("%.1f calls, %.1f ms per frame", full[0], full[1]), full[2], full[1]);
            row(String.format("detector, same, guided (%.1fx fewer calls)", full[0] / guided[0]),
                    String.format("%.1f calls (%.1f after the start's %d frames), %.1f ms per frame", guided[0],
                            guided[3], GuideConfig.START_FRAMES, guided[1]), guided[2], guided[1]);
            err.println("lpr: counting the cameras one machine keeps up with (real time) ...");
            err.flush();
            GuidedBench.Capacity capacity = bench.camerasKeptUpWith(clip, clipSeconds);
            rows.add(new String[] {"cameras kept up with at " + settings.cameraDefaults().sampleFps() + " fps, real time (guided)",
                capacity.cameras() + (capacity.cameras() == GuidedBench.MAX_CAMERAS ? " or more" : "") + " cameras",
                "", String.format("%.2fx", capacity.realTimeFactor())});
        }
    }

    private void print() {
        out.printf("%-62s %-34s %-14s %s%n", "stage", "throughput", "bare forward", "measured/bare");
        for (String[] r : rows) {
            out.printf("%-62s %-34s %-14s %s%n", r[0], r[1], r[2], r[3]);
        }
        out.printf("(bare forward: the models' forward time alone on the same input, per frame or crop, from DJL's"
                + " Inference timing; %d cores)%n", Runtime.getRuntime().availableProcessors());
        out.flush();
    }

    private void row(String stage, String throughput, double bareMs, double measuredMs) {
        rows.add(new String[] {stage, throughput, fmt(bareMs), ratio(measuredMs, bareMs)});
    }

    private static String perSecond(double msPerItem, String items) {
        return String.format("%.1f %s/s (%.1f ms each)", 1000 / msPerItem, items, msPerItem);
    }

    private static String fmt(double ms) {
        return String.format("%.1f ms", ms);
    }

    private static String ratio(double measuredMs, double bareMs) {
        return String.format("%.2fx", measuredMs / bareMs);
    }

    private static double totalMs(Metrics metrics) {
        List<Metric> inference = metrics.getMetric(INFERENCE);
        return inference == null ? 0 : inference.stream().mapToDouble(m -> m.getValue().doubleValue()).sum() / 1000;
    }

    private static String describeTiles(LprSettings settings) {
        String tiles = settings.detector().tileSizes().isEmpty() ? "" : "tiles " + settings.detector().tileSizes();
        String whole = settings.detector().runsWholeFrame() ? "whole frame" : "";
        return tiles.isEmpty() ? whole : whole.isEmpty() ? tiles : tiles + " + " + whole;
    }
}
