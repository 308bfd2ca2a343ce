package io.lpr.cli;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import ai.djl.metric.Metric;
import ai.djl.metric.Metrics;
import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.PlateDetector;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.image.Images;
import io.lpr.job.JobRunner;
import io.lpr.job.LprOptions;
import io.lpr.job.LprSettings;
import io.lpr.job.LprTopology;
import io.lpr.operator.PlateFinder;
import io.lpr.recognize.PlateRecognizer;
import io.lpr.recognize.RecognizerModel;
import io.lpr.source.CameraSource;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import io.lpr.video.DemoClip;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures every stage in one run and prints one table: each figure beside the bare model forward time on
 * the same input (DJL's "Inference" timing), so what the pipeline adds shows as a ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = ApiBenchCommand.class,
        description = "Measures detector, recogniser, decoding and end-to-end speed; prints a table.")
final class BenchCommand implements Callable<Integer> {
    private static final String INFERENCE = "Inference";

    @Mixin
    SettingsOptions settingsOptions;

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

    private final List<String[]> rows = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Configuration configuration = settingsOptions.configuration().build();
        LprSettings settings = LprSettings.from(configuration);
        JobRunner.requireModels(settings);
        Path photo = DemoCommand.sampleImage(image, settings.models);
        PrintWriter err = spec.commandLine().getErr();

        double detectorBareMsPerFrame;
        double recognizerBareMsPerCrop;
        int platesPerFrame;
        try (Mat source = Images.read(photo);
                Mat analysed = Images.resized(source, settings.frameWidth, settings.frameHeight, INTER_AREA)) {
            Frame frame = new Frame("bench", 0, 0, analysed.cols(), analysed.rows(), Images.toBgr(analysed));
            err.println("lpr: timing the detector ...");
            err.flush();
            List<PlateCandidate> candidates;
            try (DetectorModel model = DetectorModel.load(settings.detector, settings.models)) {
                PlateDetector detector = model.newDetector();
                try (PlateFinder finder = new PlateFinder(detector)) {
                    candidates = finder.find(frame); // warm-up, and the crops for the recogniser
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
                throw new UserException("the detector found no plate in " + photo + ": give --image with a plate");
            }
            platesPerFrame = candidates.size();

            err.println("lpr: timing the recogniser ...");
            err.flush();
            try (RecognizerModel model = RecognizerModel.load(settings.recognizer.withMaxBatch(32), settings.models);
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
                        recognizer.recognize(input); // warm-up
                        Metrics metrics = new Metrics();
                        recognizer.setMetrics(metrics);
                        int calls = Math.max(1, crops / batch);
                        long start = System.nanoTime();
                        for (int i = 0; i < calls; i++) {
                            recognizer.recognize(input);
                        }
                        double msPerCrop = (System.nanoTime() - start) / 1e6 / (calls * batch);
                        double bareMsPerCrop = totalMs(metrics) / (calls * batch);
                        recognizer.setMetrics(null);
                        if (batch == 1) {
                            bare = bareMsPerCrop;
                        }
                        row("recogniser, batch " + batch + " (STN batched, LPRNet per crop)",
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
                DemoClip.write(mat, clip, seconds, 10, settings.frameWidth, settings.frameHeight);
            }
            long analysedFrames = decode(clip, settings);

            err.println("lpr: running the job on a " + seconds + " s clip ...");
            err.flush();
            Configuration withClip = settingsOptions.configuration()
                    .set(LprOptions.CAMERAS.key(), List.of("bench=" + clip))
                    .build();
            LprSettings run = LprSettings.from(withClip);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(withClip);
            env.setParallelism(1);
            LprTopology.build(env, CameraSource.of(JobRunner.cameras(run)), run,
                    Map.of("discard", new DiscardingSink<PlateEvent>()));
            JobExecutionResult result = env.execute("lpr-bench");
            double msPerFrame = result.getNetRuntime() / (double) analysedFrames;
            double bareMsPerFrame = detectorBareMsPerFrame + platesPerFrame * recognizerBareMsPerCrop;
            row("end to end, " + analysedFrames + " frames of the clip (job start included)",
                    perSecond(msPerFrame, "frames"), bareMsPerFrame, msPerFrame);
        } finally {
            Files.deleteIfExists(clip);
            Files.deleteIfExists(clipDir);
        }
        print();
        return 0;
    }

    /** Decode-only speed of the clip, and how many frames the job will analyse of it. */
    private long decode(Path clip, LprSettings settings) throws Exception {
        CameraSpec camera = CameraSpec.of("bench", clip.toString())
                .withSampleFps(settings.sampleFps).withSize(settings.frameWidth, settings.frameHeight);
        CameraMetrics metrics = CameraMetrics.unregistered();
        long start = System.nanoTime();
        try (VideoDecoder decoder = VideoDecoder.open(camera, CameraSplit.NONE_EMITTED, metrics)) {
            while (!decoder.isEndOfStream()) {
                decoder.poll();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double decodedPerSecond = metrics.framesDecoded() / secs;
        double ffmpegPerSecond = ffmpegDecodeRate(clip);
        rows.add(new String[] {"decode H.264 " + settings.frameHeight + "p, keep " + settings.sampleFps + " fps",
            String.format("%.1f decoded/s, %.1f kept/s", decodedPerSecond, metrics.framesAnalysed() / secs),
            String.format("ffmpeg %.1f/s", ffmpegPerSecond), ratio(1 / decodedPerSecond, 1 / ffmpegPerSecond)});
        return metrics.framesAnalysed();
    }

    /** FFmpeg's own decode-only rate on the same clip: its bundled program decoding to the null muxer. */
    private static double ffmpegDecodeRate(Path clip) throws Exception {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Process process = new ProcessBuilder(ffmpeg, "-hide_banner", "-nostats", "-benchmark",
                        "-i", clip.toString(), "-f", "null", "-")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not decode " + clip + ": " + output.strip());
        }
        Matcher frames = Pattern.compile("frame=\\s*(\\d+)").matcher(output);
        Matcher seconds = Pattern.compile("rtime=([0-9.]+)s").matcher(output);
        long count = 0;
        while (frames.find()) {
            count = Long.parseLong(frames.group(1));
        }
        if (count == 0 || !seconds.find()) {
            throw new IllegalStateException("unexpected ffmpeg output: " + output.strip());
        }
        return count / Double.parseDouble(seconds.group(1));
    }

    private void print() {
        PrintWriter out = spec.commandLine().getOut();
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
        String tiles = settings.detector.tileSizes().isEmpty() ? "" : "tiles " + settings.detector.tileSizes();
        String whole = settings.detector.runsWholeFrame() ? "whole frame" : "";
        return tiles.isEmpty() ? whole : whole.isEmpty() ? tiles : tiles + " + " + whole;
    }
}
