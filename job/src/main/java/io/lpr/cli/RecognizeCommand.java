package io.lpr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lpr.image.Images;
import io.lpr.settings.LprSettings;
import io.lpr.stills.PlatesJson;
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
            return PlatesJson.of(reader.read(image, "image"), image.cols(), image.rows());
        }
    }
}
