package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.detect.Detection;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.Detections;
import io.lpr.event.Box;
import io.lpr.image.Images;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class CameraGuideTest {
    private static final int W = 1920;
    private static final int H = 1080;

    /**
     * The bench street's two boxes the detector scores as plates on every frame, neither readable (a 15x9 px one and
     * one cut by the bottom edge), are neither tracked nor watched; a readable plate beside them is.
     */
    @Test
    void boxesThatCannotBeReadAreNeitherTrackedNorWatched() {
        Box tiny = new Box(1624, 602, 1639, 611);
        Box cut = new Box(1637, 1033, 1779, 1080);
        Box plate = new Box(900, 880, 970, 902);
        try (CameraGuide guide = new CameraGuide("cam", GuideConfig.DEFAULTS, DetectorConfig.DEFAULTS, 1);
                Mat frame = Images.fromBgr(new byte[W * H * 3], W, H)) {
            Plan plan = guide.plan(frame, 0, 0);
            guide.observe(plan, new Detections(
                    List.of(new Detection(tiny, 0.4f), new Detection(cut, 0.7f), new Detection(plate, 0.8f)),
                    List.of(new Detection(new Box(1625, 603, 1640, 612), 0.25f))), 0, 0, W, H);

            GuideState state = guide.snapshot();
            assertThat(state.tracks()).extracting(PlateTracks.Track::box).containsExactly(plate);
            assertThat(state.weak()).isEmpty();
        }
    }
}
