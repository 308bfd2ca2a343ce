package io.lpr.stills;

import io.lpr.settings.LprSettings;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.image.Images;
import io.lpr.pipeline.PlateFinder;
import io.lpr.pipeline.PlateReader;
import io.lpr.recognize.RecognizerModel;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds and reads the plates of still images the way the job treats a frame: resized to the analysis size,
 * every tile scanned, the reference's crop rule, STN + LPRNet. One thread; close it to free the models.
 */
public final class StillImageReader implements AutoCloseable {
    /** The reads of one image, with boxes in the analysed frame of {@code width} x {@code height}. */
    public record Result(int width, int height, List<PlateRead> reads) {}

    private final LprSettings settings;
    private final DetectorModel detectorModel;
    private final RecognizerModel recognizerModel;
    private final PlateFinder finder;
    private final PlateReader reader;

    private StillImageReader(LprSettings settings, DetectorModel detectorModel, RecognizerModel recognizerModel) {
        this.settings = settings;
        this.detectorModel = detectorModel;
        this.recognizerModel = recognizerModel;
        this.finder = new PlateFinder(detectorModel.newDetector(settings.plateShape()), unguided(settings));
        this.reader = new PlateReader(recognizerModel.newRecognizer(settings.reading()));
    }

    /** Loads the detector and the recogniser the settings name. */
    public static StillImageReader open(LprSettings settings) {
        DetectorModel detector = DetectorModel.load(settings.detector(), settings.models());
        try {
            RecognizerModel recognizer = RecognizerModel.load(settings.recognizer(), settings.models());
            try {
                return new StillImageReader(settings, detector, recognizer);
            } catch (RuntimeException e) {
                recognizer.close();
                throw e;
            }
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** Every plate found in {@code image} (BGR), read or unreadable; {@code name} names it as a camera would. */
    public Result read(Mat image, String name) {
        Frame frame = analysed(image, name, settings);
        List<PlateCandidate> candidates = finder.find(frame).candidates();
        return new Result(frame.width, frame.height, candidates.isEmpty() ? List.of() : reader.apply(candidates));
    }

    /** {@code image} (BGR) as a camera's frame: resized to the analysis size the settings give (0: its own). */
    static Frame analysed(Mat image, String name, LprSettings settings) {
        int width = settings.cameraDefaults().width() == 0 ? image.cols() : settings.cameraDefaults().width();
        int height = settings.cameraDefaults().height() == 0 ? image.rows() : settings.cameraDefaults().height();
        try (Mat analysed = Images.resized(image, width, height, INTER_AREA)) {
            return new Frame(name, 0, 0, width, height, Images.toBgr(analysed));
        }
    }

    /** Guides that scan every tile of every image: a still has no motion or history to guide the scan. */
    static CameraGuides unguided(LprSettings settings) {
        return new CameraGuides(GuideConfig.DEFAULTS.withGuided(false), settings.detector());
    }

    @Override
    public void close() {
        try (detectorModel; recognizerModel; finder) {
            reader.close();
        }
    }
}
