package io.lpr.detect;

import io.lpr.model.Device;
import io.lpr.util.Require;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How to load and run the plate detector; checked when built, so a config that exists is a valid one.
 * {@link #DEFAULTS} holds the defaults, written here once; {@link DetectorOptions} shows them.
 *
 * @param format the layout of the model's output, which also picks the engine
 * @param modelFile file name inside the model directory
 * @param inputSize side of the square model input, in pixels
 * @param confidence lowest score kept. 0.3: the plate grammar and the recogniser's confidence floor reject
 *     junk, so the threshold need not: on real CCTV a readable plate scored 0.50-0.55 in some frames. On
 *     car.jpg at 1080p the bundled detector scores the reference's four plates 0.89, 0.80, 0.77 and 0.55 on
 *     tiles, everything else 0.36 or less; the labelled set's extra boxes at 0.3 all read as unreadable
 *     (docs/accuracy.md); the reference's YOLOv5 used 0.57
 * @param watchConfidence lowest score of a weak box: one below {@code confidence} is no plate candidate, but
 *     guided detection watches its region (re-examines it every frame for a while), since a plate near the
 *     threshold scores on either side of it from frame to frame and tile to tile (docs/accuracy.md, "Weak
 *     boxes"). Equal to {@code confidence}: no weak boxes
 * @param nmsIou IoU at which two boxes are the same plate
 * @param tileSizes square tile sides, in frame pixels, each covering the frame with overlapping tiles. On
 *     1080p CCTV a plate is often 60x15 px and too small once the whole frame is shrunk to the input; 640
 *     and 832 px tiles find them. Empty: whole frame only
 * @param tileOverlap fraction of a tile that neighbouring tiles share, so a plate cut by one tile is whole
 *     in the next
 * @param wholeFrame also run the whole frame (one more call), for plates too close to the camera to fit
 *     inside a tile
 * @param device where the model runs
 * @param intraOpThreads ONNX Runtime threads inside one operator, per session. PyTorch's are process-wide
 *     ({@code ai.djl.pytorch.num_threads})
 */
public record DetectorConfig(Format format, String modelFile, int inputSize, float confidence, float watchConfidence,
        float nmsIou,
        List<Integer> tileSizes, float tileOverlap, boolean wholeFrame, Device device, int intraOpThreads)
        implements Serializable {

    /** The layout of the model's output, which also picks the engine. */
    public enum Format {
        /** ONNX with NMS in the graph, output [N, 7]; run by ONNX Runtime (needed for the INT8 ops). */
        ONNX_END2END,
        /** TorchScript YOLOv5, output [B, anchors, 5 + classes]; run by PyTorch. */
        YOLOV5,
        /** TorchScript YOLOv8 or YOLOv9, output [B, 4 + classes, anchors]; run by PyTorch. */
        YOLOV8
    }

    public static final DetectorConfig DEFAULTS = new DetectorConfig(Format.ONNX_END2END,
            "plate-detector.yolov9t-416-end2end.int8.onnx", 416, 0.3f, 0.2f, 0.45f, List.of(640, 832), 0.2f, true,
            Device.CPU, 2);

    /** @throws IllegalArgumentException naming the first bad setting */
    public DetectorConfig {
        Require.that(format != null, "lpr.detector.format must be one of ONNX_END2END, YOLOV5, YOLOV8");
        Require.that(modelFile != null && !modelFile.isBlank(), "lpr.detector.model-file must be named");
        Require.that(inputSize >= 32 && inputSize % 32 == 0,
                "lpr.detector.input-size must be a positive multiple of 32, got " + inputSize);
        Require.that(confidence > 0 && confidence <= 1, "lpr.detector.confidence must be in (0, 1], got " + confidence);
        Require.that(watchConfidence > 0 && watchConfidence <= confidence, "lpr.detector.watch-confidence must be in (0, "
                + confidence + "] (above 0, at most lpr.detector.confidence), got " + watchConfidence);
        Require.that(nmsIou > 0 && nmsIou <= 1, "lpr.detector.nms-iou must be in (0, 1], got " + nmsIou);
        Require.that(tileSizes != null, "lpr.detector.tile-sizes must be a list (empty for whole frame only)");
        for (Integer size : tileSizes) {
            Require.that(size != null && size >= 32, "lpr.detector.tile-sizes must be at least 32 px, got " + tileSizes);
        }
        tileSizes = List.copyOf(tileSizes);
        Require.that(tileOverlap >= 0 && tileOverlap < 0.9f, "lpr.detector.tile-overlap must be in [0, 0.9), got " + tileOverlap);
        Require.that(device != null, "lpr.detector.device must be cpu or gpu");
        Require.that(intraOpThreads >= 1, "lpr.detector.intra-op-threads must be at least 1, got " + intraOpThreads);
    }

    /** Whether the whole frame is run: asked for, or no tiles to run instead. */
    public boolean runsWholeFrame() {
        return wholeFrame || tileSizes.isEmpty();
    }

    /** The {@code lpr.detector.*} settings ({@link DetectorOptions}), checked. */
    public static DetectorConfig from(ReadableConfig c) {
        return new DetectorConfig(c.get(DetectorOptions.FORMAT), c.get(DetectorOptions.MODEL_FILE),
                c.get(DetectorOptions.INPUT_SIZE), c.get(DetectorOptions.CONFIDENCE),
                c.get(DetectorOptions.WATCH_CONFIDENCE), c.get(DetectorOptions.NMS_IOU), c.get(DetectorOptions.TILE_SIZES),
                c.get(DetectorOptions.TILE_OVERLAP), c.get(DetectorOptions.WHOLE_FRAME), c.get(DetectorOptions.DEVICE),
                c.get(DetectorOptions.INTRA_OP_THREADS));
    }

    public DetectorConfig withFormat(Format value) {
        return new DetectorConfig(value, modelFile, inputSize, confidence, watchConfidence, nmsIou, tileSizes, tileOverlap, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withModelFile(String value) {
        return new DetectorConfig(format, value, inputSize, confidence, watchConfidence, nmsIou, tileSizes, tileOverlap, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withInputSize(int value) {
        return new DetectorConfig(format, modelFile, value, confidence, watchConfidence, nmsIou, tileSizes, tileOverlap, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withConfidence(float value) {
        return new DetectorConfig(format, modelFile, inputSize, value, watchConfidence, nmsIou, tileSizes, tileOverlap, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withWatchConfidence(float value) {
        return new DetectorConfig(format, modelFile, inputSize, confidence, value, nmsIou, tileSizes, tileOverlap, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withNmsIou(float value) {
        return new DetectorConfig(format, modelFile, inputSize, confidence, watchConfidence, value, tileSizes, tileOverlap, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withTileSizes(List<Integer> value) {
        return new DetectorConfig(format, modelFile, inputSize, confidence, watchConfidence, nmsIou, value, tileOverlap, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withTileOverlap(float value) {
        return new DetectorConfig(format, modelFile, inputSize, confidence, watchConfidence, nmsIou, tileSizes, value, wholeFrame, device, intraOpThreads);
    }

    public DetectorConfig withWholeFrame(boolean value) {
        return new DetectorConfig(format, modelFile, inputSize, confidence, watchConfidence, nmsIou, tileSizes, tileOverlap, value, device, intraOpThreads);
    }

    public DetectorConfig withDevice(Device value) {
        return new DetectorConfig(format, modelFile, inputSize, confidence, watchConfidence, nmsIou, tileSizes, tileOverlap, wholeFrame, value, intraOpThreads);
    }

    public DetectorConfig withIntraOpThreads(int value) {
        return new DetectorConfig(format, modelFile, inputSize, confidence, watchConfidence, nmsIou, tileSizes, tileOverlap, wholeFrame, device, value);
    }
}
