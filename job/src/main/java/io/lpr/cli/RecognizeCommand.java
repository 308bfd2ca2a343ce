package io.lpr.cli;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Box;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.image.Images;
import io.lpr.job.LprSettings;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.operator.PlateFinder;
import io.lpr.operator.PlateReader;
import io.lpr.recognize.RecognizerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Detects and reads the plates in still images, the same way the job treats a frame (resized to the
 * analysis size, tiled detection, the reference's crop rule, STN + LPRNet), and prints one JSON object per
 * image with boxes in the image's own pixels.
 */
@Command(name = "recognize", mixinStandardHelpOptions = true,
        description = "Finds and reads plates in images; prints one JSON object per image.")
final class RecognizeCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settingsOptions;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files (JPEG, PNG, ...).")
    List<Path> images;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        LprSettings settings = LprSettings.from(settingsOptions.configuration().build());
        int failures = 0;
        try (DetectorModel detectorModel = DetectorModel.load(settings.detector(), settings.models());
                RecognizerModel recognizerModel = RecognizerModel.load(settings.recognizer(), settings.models());
                PlateFinder finder = new PlateFinder(detectorModel.newDetector(settings.plateShape()),
                        new CameraGuides(GuideConfig.fullTiling(), settings.detector()));
                PlateReader reader = new PlateReader(recognizerModel.newRecognizer(settings.reading()))) {
            for (Path image : images) {
                ObjectNode out = json.createObjectNode().put("image", image.toString());
                try {
                    out.set("plates", plates(image, settings, finder, reader));
                } catch (IOException e) {
                    out.put("error", e.getMessage());
                    failures++;
                }
                spec.commandLine().getOut().println(json.writeValueAsString(out));
            }
        }
        spec.commandLine().getOut().flush();
        return failures == 0 ? 0 : 1;
    }

    private ArrayNode plates(Path path, LprSettings settings, PlateFinder finder, PlateReader reader)
            throws IOException {
        try (Mat image = Images.read(path)) {
            int width = settings.frameWidth() == 0 ? image.cols() : settings.frameWidth();
            int height = settings.frameHeight() == 0 ? image.rows() : settings.frameHeight();
            byte[] pixels;
            try (Mat analysed = Images.resized(image, width, height, INTER_AREA)) {
                pixels = Images.toBgr(analysed);
            }
            List<PlateCandidate> candidates = finder.find(new Frame("image", 0, 0, width, height, pixels)).candidates();
            List<PlateRead> reads = candidates.isEmpty() ? List.of() : reader.apply(candidates);
            float sx = image.cols() / (float) width;
            float sy = image.rows() / (float) height;
            ArrayNode plates = json.createArrayNode();
            for (PlateRead read : reads) {
                Box box = read.candidate.box.scaled(sx, sy);
                ObjectNode plate = plates.addObject();
                plate.putArray("box").add(box.x1).add(box.y1).add(box.x2).add(box.y2);
                plate.put("score", read.candidate.score);
                plate.put("text", read.text);
                plate.put("confidence", read.confidence);
                plate.put("greedyText", read.greedyText);
                plate.put("textScore", read.textScore);
            }
            return plates;
        }
    }
}
