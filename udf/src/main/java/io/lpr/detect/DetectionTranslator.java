package io.lpr.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Letterboxes each region of a frame into one [B, 3, S, S] input, and turns the output back into boxes in frame
 * pixels. Stateless (per-call state lives in the context), so the one instance is shared by all predictors; the
 * context's NDManager frees each call's arrays.
 */
final class DetectionTranslator implements NoBatchifyTranslator<TileBatch, List<Detection>> {
    private static final String PLACEMENTS = "placements";

    /** Where one image of the batch came from: its region of the frame and how it was letterboxed. */
    private record Placement(Tiler.Tile region, Letterbox.Geometry geometry) {}

    private final int inputSize;
    /** The watch confidence: weak boxes come out too, and are told apart from plates after NMS. */
    private final float floor;
    private final float nmsIou;
    private final OutputDecoder decoder;

    DetectionTranslator(DetectorConfig config) {
        this.inputSize = config.inputSize();
        this.floor = config.watchConfidence();
        this.nmsIou = config.nmsIou();
        this.decoder = OutputDecoder.of(config.format());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TileBatch input) {
        int plane = 3 * inputSize * inputSize;
        List<Tiler.Tile> regions = input.regions();
        float[] batch = new float[regions.size() * plane];
        List<Placement> placements = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            Tiler.Tile region = regions.get(i);
            Letterbox.Geometry geometry = Letterbox.geometry(region.width(), region.height(), inputSize);
            try (Rect rect = new Rect(region.x(), region.y(), region.width(), region.height());
                    Mat view = new Mat(input.frame(), rect)) {
                System.arraycopy(Letterbox.toChw(view, geometry), 0, batch, i * plane, plane);
            }
            placements.add(new Placement(region, geometry));
        }
        ctx.setAttachment(PLACEMENTS, placements);
        NDArray images = ctx.getNDManager().create(batch, new Shape(regions.size(), 3, inputSize, inputSize));
        return new NDList(images);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Detection> processOutput(TranslatorContext ctx, NDList output) {
        List<Placement> placements = (List<Placement>) ctx.getAttachment(PLACEMENTS);
        NDArray tensor = output.get(0).toType(DataType.FLOAT32, false);
        List<List<Detection>> perImage =
                decoder.decode(tensor.toFloatArray(), tensor.getShape().getShape(), placements.size(), floor);
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            Tiler.Tile region = placements.get(i).region();
            for (Detection detection : Nms.suppress(perImage.get(i), nmsIou)) {
                Box box = placements.get(i).geometry().toSource(detection.box());
                if (box.width() >= 1 && box.height() >= 1) {
                    found.add(new Detection(
                            new Box(box.x1 + region.x(), box.y1 + region.y(), box.x2 + region.x(), box.y2 + region.y()),
                            detection.score(), region, 0f));
                }
            }
        }
        return found;
    }
}
