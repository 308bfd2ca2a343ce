package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import io.lpr.event.Box;
import io.lpr.image.Images;
import io.lpr.model.ModelDirectory;
import io.lpr.plate.PlateGrammar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference's conformance case and batch invariance, with the real models. */
class PlateRecognizerTest {
    /** The reference's four boxes in car.jpg resized to 1920x1080. */
    private static final Box[] REFERENCE_BOXES = {
        new Box(232.44186f, 814.19446f, 324.64374f, 841.9125f),
        new Box(1097.4425f, 661.41547f, 1141.9923f, 674.0388f),
        new Box(1520.4563f, 639.6942f, 1567.8191f, 653.18317f),
        new Box(1286.0554f, 636.13745f, 1317.4097f, 645.0998f),
    };

    private static RecognizerModel model;
    private static Mat frame;
    private static final List<Mat> referenceCrops = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        model = RecognizerModel.load(
                RecognizerConfig.DEFAULTS, new ModelDirectory(System.getProperty("lpr.test.models")));
        try (Mat car = Images.read(Path.of(System.getProperty("lpr.test.images"), "car.jpg"))) {
            frame = Images.resized(car, 1920, 1080, INTER_AREA);
        }
        for (Box box : REFERENCE_BOXES) {
            referenceCrops.add(PlateCrop.cut(frame, box));
        }
    }

    @AfterAll
    static void close() {
        referenceCrops.forEach(Mat::close);
        frame.close();
        model.close();
    }

    @Test
    void readsTheReferencePlatesLikeTheReference() {
        try (PlateRecognizer recognizer = model.newRecognizer()) {
            List<Reading> readings = recognizer.recognize(referenceCrops);

            assertThat(readings).extracting(Reading::text).containsExactly("B840CK197", null, null, null);
            assertThat(readings.get(0).score()).as("the reference's acceptance").isLessThan(-85f);
            // The greedy read stays as evidence; the grammar-constrained text is the same and the model is sure of it.
            assertThat(readings.get(0).rawText()).isEqualTo("B840CK197");
            assertThat(readings.get(0).confidence()).isGreaterThan(0.5f);
            assertThat(readings.get(0).candidates().get(0).text()).isEqualTo("B840CK197");
            // The far plates' best valid texts are improbable: unreadable under the default floor.
            assertThat(readings.subList(1, 4)).allSatisfy(r ->
                    assertThat(r.confidence()).isLessThan((float) ReadingPolicy.DEFAULTS.minConfidence()));
            assertThat(PlateGrammar.russian().formatOf(readings.get(0).text())).isEqualTo("private");
        }
    }

    @Test
    void aCropReadsTheSameAloneAndInAMixedBatchOf32() {
        List<Mat> others = new ArrayList<>();
        Random random = new Random(42);
        while (others.size() < 27) {
            // Other parts of the street scene, of plate-like sizes.
            float x = random.nextInt(1700);
            float y = random.nextInt(1000);
            others.add(PlateCrop.cut(frame, new Box(x, y, x + 30 + random.nextInt(150), y + 8 + random.nextInt(40))));
        }
        List<Mat> batch = new ArrayList<>(referenceCrops);
        batch.addAll(others);
        // The readable plate in the middle of the batch too, so its position does not matter either.
        batch.add(16, referenceCrops.get(0));
        try (RecognizerModel unbatched = RecognizerModel.load(RecognizerConfig.DEFAULTS.withMaxBatch(1),
                        new ModelDirectory(System.getProperty("lpr.test.models")));
                PlateRecognizer onePerCall = unbatched.newRecognizer();
                PlateRecognizer recognizer = model.newRecognizer()) {
            assertThat(model.lprnetBatched()).isTrue();
            List<Reading> together = recognizer.recognize(batch);
            assertThat(together.get(16).text()).isEqualTo("B840CK197");
            for (int i = 0; i < 32; i++) {
                Reading alone = recognizer.recognize(List.of(batch.get(i))).get(0);
                assertThat(together.get(i).text()).as("text of crop %d", i).isEqualTo(alone.text());
                assertThat(together.get(i).rawText()).as("raw text of crop %d", i).isEqualTo(alone.rawText());
                assertThat(together.get(i).score()).as("score of crop %d", i).isCloseTo(alone.score(), within(1e-3f));
                assertThat(onePerCall.recognize(List.of(batch.get(i))).get(0)).as("crop %d, maxBatch 1", i)
                        .isEqualTo(alone);
            }
        } finally {
            others.forEach(Mat::close);
        }
    }

    @Test
    void splitsCallsLargerThanMaxBatch() {
        try (RecognizerModel small = RecognizerModel.load(RecognizerConfig.DEFAULTS.withMaxBatch(3),
                        new ModelDirectory(System.getProperty("lpr.test.models")));
                PlateRecognizer recognizer = small.newRecognizer()) {
            assertThat(recognizer.recognize(referenceCrops))
                    .extracting(Reading::text)
                    .containsExactly("B840CK197", null, null, null);
            assertThat(recognizer.recognize(List.of())).isEmpty();
        }
    }

    @Test
    void tinyCropsAreUnreadableNotErrors() {
        try (Mat tiny = new Mat(1, 1, CV_8UC3);
                PlateRecognizer recognizer = model.newRecognizer()) {
            assertThat(recognizer.recognize(List.of(tiny)).get(0).text()).isNull();
        }
    }

    @Test
    void recognisersAreIndependentPerThread() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> texts = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(() -> {
                try (PlateRecognizer recognizer = model.newRecognizer()) {
                    for (int k = 0; k < 5; k++) {
                        texts.add(recognizer.recognize(referenceCrops.subList(0, 1)).get(0).text());
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(texts).hasSize(10).containsOnly("B840CK197");
    }
}
