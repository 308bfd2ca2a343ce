package io.lpr.operator;

import io.lpr.pipeline.FoundPlates;
import io.lpr.pipeline.PlateFinder;
import io.lpr.pipeline.PlateReader;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.model.ModelDirectory;
import io.lpr.plate.PlateGrammar;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.recognize.RecognizerModel;
import io.lpr.status.CameraMetrics;
import io.lpr.testing.TestClips;
import io.lpr.track.PassageTracker;
import io.lpr.track.TrackerConfig;
import io.lpr.video.ClipScenario;
import io.lpr.video.ClipScenario.Actor;
import io.lpr.video.ClipScenario.Route;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import io.lpr.video.VehicleSprite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guided detection against the full tiling on clips whose truth is known, with the real models: the same events
 * (text and count), at a fraction of the detector calls where the camera stands still.
 */
class GuidedDetectionTest {
    private static final Path IMAGES = Path.of(System.getProperty("lpr.test.images"));
    private static final ModelDirectory MODELS = new ModelDirectory(System.getProperty("lpr.test.models"));

    /** A static street camera, two cars crossing one after the other in opposite directions. */
    static final ClipScenario TWO_CARS = new ClipScenario("static-two-cars", 6, 5, 0.05,
            List.of(new Actor(VehicleSprite.SALOON, 70, Route.of(0, 150, 900, 3.5, 1750, 880)),
                    new Actor(VehicleSprite.HATCHBACK, 62, Route.of(0, 2300, 820, 2, 2300, 820, 6, 250, 840))),
            List.of(), ClipScenario.Camera.DAY, false);

    /** The reference plate (demo, parked van) reads either way: B840CK197 on a knife edge (CONTRACTS.md). */
    private static final List<String> DEMO_READS = List.of("B840CK197", "B840OK197");

    @TempDir
    static Path dir;

    private static DetectorModel detector;
    private static RecognizerModel recognizer;
    private static EvalManifest clips;

    @BeforeAll
    static void load() throws Exception {
        detector = DetectorModel.load(DetectorConfig.DEFAULTS, MODELS);
        recognizer = RecognizerModel.load(RecognizerConfig.DEFAULTS, MODELS);
        clips = LabelledClips.write(IMAGES, dir, List.of(TWO_CARS, ClipScenario.standardSet().get(0)));
    }

    @AfterAll
    static void close() {
        recognizer.close();
        detector.close();
    }

    @Test
    void aStaticCameraWithTwoMovingCarsGivesTheSameEventsForUnderHalfTheCalls() throws Exception {
        EvalManifest.Entry clip = clips.files().get(0);
        Run full = run(dir.resolve(clip.file()), GuideConfig.DEFAULTS.withGuided(false));
        Run guided = run(dir.resolve(clip.file()), GuideConfig.DEFAULTS);

        assertThat(full.plates()).containsExactlyInAnyOrderElementsOf(clip.expected());
        assertThat(guided.plates()).containsExactlyInAnyOrderElementsOf(full.plates());
        assertThat(full.callsPerFrame()).isEqualTo(15.0);
        // Each tracked plate costs a tile of each size (docs/performance.md), so less than half, not a third.
        assertThat(guided.callsPerFrame()).as("guided calls per frame").isLessThan(full.callsPerFrame() / 2);
    }

    @Test
    void aParkedCarIsFoundWithoutMotion() throws Exception {
        EvalManifest.Entry clip = clips.files().get(1);
        Run full = run(dir.resolve(clip.file()), GuideConfig.DEFAULTS.withGuided(false));
        Run guided = run(dir.resolve(clip.file()), GuideConfig.DEFAULTS);

        // The van's plate is the reference's, on the C/O knife edge (CONTRACTS.md): which text wins the vote depends
        // on the box each crop came from, and guided detection scans the tiles whose boxes the full tiling keeps.
        assertThat(full.plates()).containsExactly(VehicleSprite.VAN.text());
        assertThat(guided.plates()).containsExactlyElementsOf(full.plates());
        assertThat(guided.callsPerFrame()).isLessThan(full.callsPerFrame() / 2);
    }

    @Test
    void theDemoClipGivesTheSameEvent() throws Exception {
        Path demo = TestClips.make(dir, "demo.mp4", 4, 5, 1920, 1080);
        // Sampled as LprJobTest samples it; the whole picture moves, so guidance saves little here.
        Run full = run(demo, GuideConfig.DEFAULTS.withGuided(false), 2.5);
        Run guided = run(demo, GuideConfig.DEFAULTS, 2.5);

        assertThat(full.plates()).hasSize(1);
        assertThat(full.plates().get(0)).isIn(DEMO_READS);
        assertThat(guided.plates()).containsExactlyElementsOf(full.plates());
    }

    /**
     * The whole labelled set's clips, each run with full tiling and with guided detection: the same events with the
     * same texts, clip by clip. The set holds the clips that catch what guidance can lose: a parked plate scoring
     * near the detector threshold in a clip shorter than the sweep period, a car stopping far away, a car creeping.
     */
    @Test
    void everyClipOfTheLabelledSetGivesTheSameEventsGuidedAsWithFullTiling() throws Exception {
        List<ClipScenario> set = ClipScenario.standardSet();
        assertThat(set).extracting(ClipScenario::name).contains(ClipScenario.PARKED_FAINT, ClipScenario.STOPS_FAR,
                ClipScenario.CREEPING);
        Path setDir = dir.resolve("set");
        EvalManifest manifest = LabelledClips.write(IMAGES, setDir, set);
        Map<String, List<String>> full = new TreeMap<>();
        Map<String, List<String>> guided = new TreeMap<>();
        for (EvalManifest.Entry clip : manifest.files()) {
            if (clip.isVideo()) {
                full.put(clip.file(), sorted(run(setDir.resolve(clip.file()), GuideConfig.DEFAULTS.withGuided(false)).plates()));
                guided.put(clip.file(), sorted(run(setDir.resolve(clip.file()), GuideConfig.DEFAULTS).plates()));
            }
        }

        // The same events with the same texts, clip by clip: a tracked plate is scanned in the tiles whose boxes the
        // full tiling chooses between, so even the van's C/O knife edge (docs/accuracy.md) is read alike.
        assertThat(guided).isEqualTo(full);
        // Full tiling reads the truth where the set has one readable plate per clip.
        assertThat(full.get("parked-van.mp4")).containsExactly(VehicleSprite.VAN.text());
        // The near-threshold parked plate is there to be found: full tiling reads it.
        assertThat(full.get(ClipScenario.PARKED_FAINT + ".mp4")).containsExactly(VehicleSprite.SALOON.text());
    }

    private static List<String> sorted(List<String> plates) {
        return plates.stream().sorted().toList();
    }

    /** What a camera's passages and detector calls came to. */
    record Run(List<String> plates, double callsPerFrame) {}

    /** Every frame of the clip through detection, recognition and the passage tracker, as the job runs them. */
    private static Run run(Path clip, GuideConfig guide) throws Exception {
        return run(clip, guide, 0);
    }

    private static Run run(Path clip, GuideConfig guide, double sampleFps) throws Exception {
        PassageTracker tracker = new PassageTracker(TrackerConfig.DEFAULTS, PlateGrammar.russian(), new ArrayList<>());
        long calls = 0;
        long frames = 0;
        try (CameraGuides guides = new CameraGuides(guide, detector.config());
                PlateFinder finder = new PlateFinder(detector.newDetector(), guides);
                PlateReader reader = new PlateReader(recognizer.newRecognizer());
                VideoDecoder decoder = VideoDecoder.open(
                        CameraSpec.of("cam", clip.toString()).withSampleFps(sampleFps), -1, CameraMetrics.unregistered())) {
            for (Frame frame = decoder.next(); frame != null; frame = decoder.next()) {
                FoundPlates found = finder.find(frame);
                calls += found.detectorCalls();
                frames++;
                if (!found.candidates().isEmpty()) {
                    for (PlateRead read : reader.apply(found.candidates())) {
                        tracker.add(read);
                    }
                }
            }
        }
        List<String> plates = new ArrayList<>();
        for (PlateEvent event : tracker.closeIdle(Long.MAX_VALUE, "cam", t -> new byte[0])) {
            plates.add(event.plateText);
        }
        return new Run(plates, calls / (double) frames);
    }
}
