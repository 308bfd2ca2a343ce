package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import io.lpr.event.Box;
import io.lpr.image.Images;
import io.lpr.model.ModelDirectory;
import io.lpr.model.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled ONNX detector on car.jpg, resized to 1920x1080 with INTER_AREA as the reference did. */
class DetectorModelTest {
    /** The reference's box for the readable plate. */
    private static final Box PLATE = new Box(232.44186f, 814.19446f, 324.64374f, 841.9125f);

    private static ModelDirectory models;
    private static Mat frame;
    private static DetectorModel tiled;

    @BeforeAll
    static void load() throws Exception {
        models = new ModelDirectory(System.getProperty("lpr.test.models"));
        try (Mat car = Images.read(Path.of(System.getProperty("lpr.test.images"), "car.jpg"))) {
            frame = Images.resized(car, 1920, 1080, INTER_AREA);
        }
        tiled = DetectorModel.load(DetectorConfig.DEFAULTS, models);
    }

    @AfterAll
    static void close() {
        tiled.close();
        frame.close();
    }

    @Test
    void tilesFindThePlateAndTheFarOnes() {
        try (PlateDetector detector = tiled.newDetector()) {
            List<Detection> found = detector.detect(frame);

            assertThat(found).isSortedAccordingTo(Comparator.comparingDouble(Detection::score).reversed());
            assertThat(found).anySatisfy(d -> assertThat(d.box().iou(PLATE)).isGreaterThanOrEqualTo(0.5f));
            assertThat(found.get(0).box().iou(PLATE)).isGreaterThanOrEqualTo(0.5f);
            assertThat(found.get(0).score()).isGreaterThan(0.8f);
            // The three far plates of the reference: tiles are what makes them visible at all.
            assertThat(found).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void weakBoxesComeBesideThePlatesAndChangeNone() {
        DetectorConfig noWeak = DetectorConfig.DEFAULTS
                .withWatchConfidence(DetectorConfig.DEFAULTS.confidence());
        List<Tiler.Tile> tiles = Tiler.fullTiling(1920, 1080, List.of(640, 832), 0.2f, true);
        try (DetectorModel atThreshold = DetectorModel.load(noWeak, models);
                PlateDetector alone = atThreshold.newDetector();
                PlateDetector withWeak = tiled.newDetector()) {
            Detections both = withWeak.detectWithWeak(frame, tiles);

            assertThat(both.plates()).isEqualTo(alone.detect(frame, tiles)).isEqualTo(withWeak.detect(frame, tiles));
            assertThat(alone.detectWithWeak(frame, tiles).weak()).isEmpty();
            float confidence = DetectorConfig.DEFAULTS.confidence();
            float floor = DetectorConfig.DEFAULTS.watchConfidence();
            assertThat(both.plates()).allMatch(d -> d.score() >= confidence);
            // car.jpg has a far plate the detector scores below the threshold (16 px wide in the photograph).
            assertThat(both.weak()).isNotEmpty().allMatch(d -> d.score() < confidence && d.score() >= floor)
                    .isSortedAccordingTo(Comparator.comparingDouble(Detection::score).reversed());
        }
    }

    @Test
    void theWholeFrameAloneFindsThePlate() {
        DetectorConfig config = DetectorConfig.DEFAULTS.withTileSizes(List.of());
        try (DetectorModel whole = DetectorModel.load(config, models);
                PlateDetector detector = whole.newDetector()) {
            List<Detection> found = detector.detect(frame);

            assertThat(found).anySatisfy(d -> assertThat(d.box().iou(PLATE)).isGreaterThanOrEqualTo(0.5f));
        }
    }

    @Test
    void theBundledModelTakesOneImagePerCall() {
        assertThat(tiled.maxBatch()).isEqualTo(1);
    }

    @Test
    void detectorsOnTwoThreadsShareTheModelAndAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Detection>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    try (PlateDetector detector = tiled.newDetector()) {
                        return detector.detect(frame);
                    }
                }));
            }
            assertThat(runs.get(0).get()).isEqualTo(runs.get(1).get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aMissingModelFileIsNamed() {
        DetectorConfig config = DetectorConfig.DEFAULTS.withModelFile("no-such-detector.onnx");

        assertThatThrownBy(() -> DetectorModel.load(config, models))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("no-such-detector.onnx")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aCorruptModelFileIsNamed(@TempDir Path dir) throws Exception {
        DetectorConfig config = DetectorConfig.DEFAULTS;
        Files.write(dir.resolve(config.modelFile()), "this is not an ONNX model".getBytes());

        assertThatThrownBy(() -> DetectorModel.load(config, new ModelDirectory(dir.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(config.modelFile())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aTorchScriptModelThatIsNotADetectorIsNamedInOneLine() {
        // Loads through the PyTorch engine (mapLocation for CUDA-traced files), then fails on the 416x416 probe.
        DetectorConfig config = DetectorConfig.DEFAULTS
                .withFormat(DetectorConfig.Format.YOLOV8).withModelFile("stn.torchscript.pt");

        assertThatThrownBy(() -> DetectorModel.load(config, models))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("stn.torchscript.pt")
                .hasMessageContaining("RuntimeError")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(400));
    }

    @Test
    void aFrameThatIsNotBgrIsRefused() {
        try (PlateDetector detector = tiled.newDetector();
                Mat empty = new Mat()) {
            assertThatThrownBy(() -> detector.detect(empty))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BGR");
        }
    }
}
