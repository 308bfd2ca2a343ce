package io.lpr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lpr.event.Box;
import io.lpr.event.PlateRead;
import io.lpr.image.Images;
import io.lpr.settings.LprSettings;
import io.lpr.stills.StillImageReader;
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

    @Mixin
    ModelOptions models;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files (JPEG, PNG, ...).")
    List<Path> images;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        LprSettings settings = LprSettings.from(settingsOptions.configuration(models).build());
        int failures = 0;
        try (StillImageReader reader = StillImageReader.open(settings)) {
            for (Path image : images) {
                ObjectNode out = json.createObjectNode().put("image", image.toString());
                try {
                    out.set("plates", plates(image, reader));
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

    private ArrayNode plates(Path path, StillImageReader reader) throws IOException {
        try (Mat image = Images.read(path)) {
            StillImageReader.Result found = reader.read(image, "image");
            float sx = image.cols() / (float) found.width();
            float sy = image.rows() / (float) found.height();
            ArrayNode plates = json.createArrayNode();
            for (PlateRead read : found.reads()) {
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
