package io.lpr.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import com.sun.management.OperatingSystemMXBean;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.PlateDetector;
import io.lpr.detect.Tiler;
import io.lpr.event.PlateCandidate;
import io.lpr.event.Frame;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.image.Images;
import io.lpr.pipeline.PlateFinder;
import io.lpr.recognize.PlateRecognizer;
import io.lpr.recognize.RecognizerModel;
import io.lpr.settings.LprSettings;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code lpr bench threads}: how the detector's and the recogniser's CPU is best spent. The detector (its model
 * input, 416 by default) one region per call: ONNX Runtime intra-op threads 1 and 2 in one session, against 2
 * sessions called in parallel with 1 thread each (what {@code lpr.detector.workers=2} with
 * {@code intra-op-threads=1} makes). The recogniser: batch sizes with PyTorch's threads as set, and with 1.
 * Each setting runs twice, in one order then the reverse. Each line gives wall time (calls per second, what a loaded machine's neighbours change) and process CPU time per
 * call (all threads, native included, what the work costs).
 */
public final class ThreadsBench {
    private final LprSettings settings;
    private final Path photo;
    private final int calls;
    private final PrintWriter out;

    public ThreadsBench(LprSettings settings, Path photo, int calls, PrintWriter out) {
        this.settings = settings;
        this.photo = photo;
        this.calls = calls;
        this.out = out;
    }

    /** Wall and CPU milliseconds per item. */
    record Cost(double wallMs, double cpuMs) {
        @Override
        public String toString() {
            return String.format("%6.1f/s wall (%.1f ms), %.1f cpu-ms each", 1000 / wallMs, wallMs, cpuMs);
        }
    }

    public void run() throws Exception {
        List<PlateCandidate> candidates;
        try (Mat source = Images.read(photo);
                Mat frame = Images.resized(source, settings.cameraDefaults().width(), settings.cameraDefaults().height(), INTER_AREA)) {
            List<Tiler.Tile> regions = Tiler.fullTiling(frame.cols(), frame.rows(), settings.detector().tileSizes(),
                    settings.detector().tileOverlap(), settings.detector().runsWholeFrame());
            out.printf("detector, %d px input, one region per call, %d calls, %d cores:%n",
                    settings.detector().inputSize(), calls, Runtime.getRuntime().availableProcessors());
            // Each setting twice, in one order then the other, so that a change of the machine's load or a late
            // warm-up shows as a difference between a setting's two lines rather than favouring the later ones.
            for (int[] sessionsThreads : new int[][] {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {2, 2}, {2, 1}, {1, 2}, {1, 1}}) {
                Cost cost = detector(frame, regions, sessionsThreads[0], sessionsThreads[1]);
                out.printf("  %d session(s) x %d intra-op thread(s): %s%n", sessionsThreads[0], sessionsThreads[1], cost);
                out.flush();
            }
            try (DetectorModel model = DetectorModel.load(settings.detector(), settings.models());
                    PlateFinder finder = new PlateFinder(model.newDetector(),
                            new CameraGuides(GuideConfig.DEFAULTS.withGuided(false), settings.detector()))) {
                candidates = finder.find(new Frame("threads", 0, 0, frame.cols(), frame.rows(), Images.toBgr(frame)))
                        .candidates();
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("the detector found no plate in " + photo + ": give --image with a plate");
        }
        // PyTorch's thread count is process-wide and stays as last set, so its default (0) is given as a number:
        // PyTorch's own default is the machine's cores.
        int configured = settings.recognizer().threads();
        int cores = Runtime.getRuntime().availableProcessors();
        int other = configured > 1 ? configured : Math.max(2, cores);
        for (int threads : new int[] {1, other}) {
            out.printf("recogniser, PyTorch intra-op threads %d%s:%n", threads,
                    configured == 0 && threads == cores ? " (PyTorch's default here)" : "");
            for (int batch : new int[] {1, 8, 32, 8, 1}) {
                out.printf("  batch %2d: %s%n", batch, recogniser(candidates, batch, threads));
                out.flush();
            }
        }
    }

    private Cost detector(Mat frame, List<Tiler.Tile> regions, int sessions, int threads) throws Exception {
        DetectorConfig config = settings.detector().withIntraOpThreads(threads);
        try (DetectorModel model = DetectorModel.load(config, settings.models())) {
            List<PlateDetector> detectors = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            try {
                for (int s = 0; s < sessions; s++) {
                    detectors.add(model.newDetector());
                }
                for (PlateDetector d : detectors) {
                    d.detect(frame, regions.subList(0, 1)); // warm-up
                }
                OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int s = 0; s < sessions; s++) {
                    PlateDetector d = detectors.get(s);
                    int first = s;
                    done.add(pool.submit(() -> {
                        for (int i = first; i < calls; i += sessions) {
                            d.detect(frame, List.of(regions.get(i % regions.size())));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                return new Cost((System.nanoTime() - start) / 1e6 / calls, (os.getProcessCpuTime() - cpu) / 1e6 / calls);
            } finally {
                pool.shutdown();
                detectors.forEach(PlateDetector::close);
            }
        }
    }

    private Cost recogniser(List<PlateCandidate> candidates, int batch, int threads) throws Exception {
        try (RecognizerModel model = RecognizerModel.load(settings.recognizer().withMaxBatch(32).withThreads(threads),
                        settings.models());
                PlateRecognizer recognizer = model.newRecognizer()) {
            List<Mat> input = new ArrayList<>(batch);
            try {
                for (int i = 0; i < batch; i++) {
                    PlateCandidate c = candidates.get(i % candidates.size());
                    input.add(Images.fromBgr(c.cropPixels, c.cropWidth, c.cropHeight));
                }
                for (int i = 0; i < 3; i++) {
                    recognizer.recognize(input); // TorchScript profiles a new input shape's first runs
                }
                int n = Math.max(2, calls / batch);
                OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    recognizer.recognize(input);
                }
                double wall = (System.nanoTime() - start) / 1e6;
                Thread.sleep(CpuBench.SPIN_TAIL_MS); // OpenMP threads spin a while after the last call
                return new Cost(wall / (n * batch), (os.getProcessCpuTime() - cpu) / 1e6 / (n * batch));
            } finally {
                input.forEach(Mat::close);
            }
        }
    }
}
