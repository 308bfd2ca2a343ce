package io.lpr.video;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The truth of a labelled folder ({@code manifest.json}): per file, the plates expected as events (one
 * entry per vehicle passage) and, for clips, the plates fully in view in every frame.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalManifest(List<Entry> files) {

    /**
     * @param file path relative to the manifest's folder
     * @param kind "video" or "image"
     * @param expected plate texts, one per expected event
     * @param frames per-frame truth of a clip (null for an image: its one frame holds {@code expected})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String file, String kind, Double fps, Integer frameCount, List<String> expected,
            List<FrameTruth> frames) {
        static Entry clip(String file, double fps, int frameCount, List<String> expected, List<FrameTruth> frames) {
            return new Entry(file, "video", fps, frameCount, expected, frames);
        }

        static Entry image(String file, List<String> expected) {
            return new Entry(file, "image", null, null, expected, null);
        }

        @JsonIgnore
        public boolean isVideo() {
            return "video".equals(kind);
        }
    }

    /** The plates fully inside frame {@code index} (at {@code timeMs} from the clip's start). */
    public record FrameTruth(int index, long timeMs, List<PlateBox> plates) {}

    /** A plate's text and box (x1, y1, x2, y2) in frame pixels. */
    public record PlateBox(String text, double[] box) {}

    public static EvalManifest read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), EvalManifest.class);
    }
}
