package io.lpr.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.image.Images;
import io.lpr.model.ModelDirectory;
import io.lpr.pipeline.PlateFinder;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Detection with the real detector makes a frame's snapshot once, for the frame's plates to share; with
 * snapshots off it makes none.
 */
class PlateFinderSnapshotTest {
    private static final ModelDirectory MODELS = new ModelDirectory(System.getProperty("lpr.test.models"));
    private static DetectorModel detector;

    @BeforeAll
    static void load() {
        detector = DetectorModel.load(DetectorConfig.DEFAULTS, MODELS);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    /** A sample photo stretched to a 1920x1080 frame of camera {@code camera}, as the reference stretched frames. */
    private static Frame frame(String camera, String image) throws Exception {
        try (Mat photo = Images.read(Path.of(System.getProperty("lpr.test.images"), image));
                Mat frame = Images.resized(photo, 1920, 1080, opencv_imgproc.INTER_LINEAR)) {
            return new Frame(camera, 1_000, 0, 1920, 1080, Images.toBgr(frame));
        }
    }

    @Test
    void theFramesPlatesShareOneSnapshotOfTheWholeFrame() throws Exception {
        try (CameraGuides guides = new CameraGuides(GuideConfig.DEFAULTS, detector.config());
                PlateFinder finder = new PlateFinder(detector.newDetector(), guides, SnapshotConfig.DEFAULTS)) {
            List<PlateCandidate> plates = finder.find(frame("street", "kulakov-scene.jpg")).candidates();
            assertThat(plates).hasSizeGreaterThanOrEqualTo(2);
            assertThat(plates).allSatisfy(c -> assertThat(c.snapshot).isSameAs(plates.get(0).snapshot));
            assertThat(plates.get(0).snapshot.width).isEqualTo(1280);
            assertThat(plates.get(0).snapshot.height).isEqualTo(720);
            try (Mat decoded = Images.decode(plates.get(0).snapshot.jpeg)) {
                assertThat(decoded.cols()).isEqualTo(1280);
            }
        }
    }

    @Test
    void withSnapshotsOffNoCandidateHasOne() throws Exception {
        try (CameraGuides guides = new CameraGuides(GuideConfig.DEFAULTS, detector.config());
                PlateFinder finder = new PlateFinder(detector.newDetector(), guides)) {
            List<PlateCandidate> plates = finder.find(frame("street", "car.jpg")).candidates();
            assertThat(plates).isNotEmpty();
            assertThat(plates).allSatisfy(c -> assertThat(c.snapshot).isNull());
        }
    }
}
