package io.lpr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.detect.DetectorModel;
import io.lpr.guide.GuideConfig;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.recognize.RecognizerModel;
import io.lpr.settings.LprSettings;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost target of guided detection (issue 16), counted on the bench's own static camera as {@code ./lpr bench}
 * counts it: at most 3 detector calls per analysed frame after the camera's start. Counted, not timed, so the
 * machine's load cannot move it.
 */
class GuidedBenchTest {
    @TempDir
    Path dir;

    @Test
    void theStaticCameraCostsAtMostThreeDetectorCallsPerFrameAfterItsStart() throws Exception {
        Configuration configuration = new Configuration();
        configuration.setString(ModelDirectoryOptions.DIR.key(), System.getProperty("lpr.test.models"));
        LprSettings settings = LprSettings.from(configuration);
        Path clip = GuidedBench.writeClip(Path.of(System.getProperty("lpr.test.images")), dir,
                StageBench.STATIC_CLIP_SECONDS);
        try (DetectorModel detector = DetectorModel.load(settings.detector(), settings.models());
                RecognizerModel recognizer = RecognizerModel.load(settings.recognizer(), settings.models())) {
            double[] guided = new GuidedBench(settings, detector, recognizer).perFrame(clip, settings.guide());
            System.out.printf("guided detector calls per frame: %.2f whole clip, %.2f after the start%n",
                    guided[0], guided[3]);

            assertThat(settings.guide()).isEqualTo(GuideConfig.DEFAULTS);
            assertThat(guided[3]).as("guided detector calls per frame after the start").isLessThanOrEqualTo(3.0);
        }
    }
}
