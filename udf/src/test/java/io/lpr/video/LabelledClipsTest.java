package io.lpr.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.Detection;
import io.lpr.detect.PlateDetector;
import io.lpr.event.Box;
import io.lpr.model.ModelDirectory;
import io.lpr.video.ClipScenario.Actor;
import io.lpr.video.ClipScenario.Route;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledClipsTest {
    @TempDir
    Path dir;

    /** A two-frame clip of a car entering: frame 0 has its plate outside the frame, frame 1 in view. */
    @Test
    void clipTruthMatchesWhatTheDetectorFinds() throws Exception {
        ClipScenario entering = new ClipScenario("entering", 1, 2, 0.05,
                List.of(new Actor(VehicleSprite.SALOON, 70, Route.of(0, 1950, 900, 0.5, 1200, 900))),
                List.of(), ClipScenario.Camera.DAY, false);
        Path images = Path.of(System.getProperty("lpr.test.images"));
        EvalManifest written = LabelledClips.write(images, dir, List.of(entering));

        EvalManifest manifest = EvalManifest.read(dir.resolve(LabelledClips.MANIFEST));
        assertThat(manifest).usingRecursiveComparison().isEqualTo(written);
        EvalManifest.Entry clip = manifest.files().get(0);
        assertThat(clip.file()).isEqualTo("entering.mp4");
        assertThat(clip.expected()).containsExactly("O459OO97");
        assertThat(clip.frames()).hasSize(2);
        assertThat(clip.frames().get(0).plates()).isEmpty();
        EvalManifest.PlateBox plate = clip.frames().get(1).plates().get(0);
        assertThat(plate.text()).isEqualTo("O459OO97");
        assertThat(plate.box()[2] - plate.box()[0]).isEqualTo(70.0);
        assertThat(manifest.files()).extracting(EvalManifest.Entry::file)
                .containsExactly("entering.mp4", "car.jpg", "kulakov-scene.jpg");
        assertThat(manifest.files().get(2).expected()).containsExactly("O459OO97", "K095AE177");
        assertThat(dir.resolve("car.jpg")).exists();

        Box truth = new Box((float) plate.box()[0], (float) plate.box()[1], (float) plate.box()[2],
                (float) plate.box()[3]);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(dir.resolve("entering.mp4").toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                DetectorModel model = DetectorModel.load(DetectorConfig.DEFAULTS,
                        new ModelDirectory(System.getProperty("lpr.test.models")));
                PlateDetector detector = model.newDetector()) {
            grabber.start();
            assertThat(grabber.getImageWidth()).isEqualTo(1920);
            assertThat(grabber.getImageHeight()).isEqualTo(1080);
            grabber.grabImage();
            Frame second = grabber.grabImage();
            Mat frame = converter.convert(second);
            List<Detection> found = detector.detect(frame);
            assertThat(found).anySatisfy(d -> assertThat(d.box().iou(truth)).isGreaterThanOrEqualTo(0.5f));
            assertThat(grabber.grabImage()).isNull();
        }
    }
}
