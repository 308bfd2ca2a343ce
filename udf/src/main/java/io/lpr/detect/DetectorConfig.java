package io.lpr.detect;

import io.lpr.event.Box;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** How to load and run the plate detector. Plain fields with working defaults; call {@link #validate()} after edits. */
public class DetectorConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The layout of the model's output, which also picks the engine. */
    public enum Format {
        /** ONNX with NMS in the graph, output [N, 7]; run by ONNX Runtime (needed for the INT8 ops). */
        ONNX_END2END,
        /** TorchScript YOLOv5, output [B, anchors, 5 + classes]; run by PyTorch. */
        YOLOV5,
        /** TorchScript YOLOv8 or YOLOv9, output [B, 4 + classes, anchors]; run by PyTorch. */
        YOLOV8
    }

    public Format format = Format.ONNX_END2END;

    /** File name inside the model directory. */
    public String modelFile = "plate-detector.yolov9t-416-end2end.int8.onnx";

    /** Side of the square model input, in pixels. */
    public int inputSize = 416;

    /**
     * Lowest score kept. 0.5: on car.jpg at 1080p the bundled detector scores the reference's four plates 0.89, 0.80,
     * 0.77 and 0.55 on tiles (the near one 0.64 on the whole frame), and everything else 0.36 or less; the
     * reference's YOLOv5 used 0.57.
     */
    public float confidence = 0.5f;

    /** IoU at which two boxes are the same plate. */
    public float nmsIou = 0.45f;

    /**
     * Square tile sides, in frame pixels, each covering the frame with overlapping tiles. On 1080p CCTV a plate is
     * often 60x15 px and too small once the whole frame is shrunk to the input; 640 and 832 px tiles find them.
     * Empty: whole frame only.
     */
    public List<Integer> tileSizes = new ArrayList<>(List.of(640, 832));

    /** Fraction of a tile that neighbouring tiles share, so a plate cut by one tile is whole in the next. */
    public float tileOverlap = 0.2f;

    /** Also run the whole frame (one more call), for plates too close to the camera to fit inside a tile. */
    public boolean wholeFrame = true;

    /**
     * Box shapes no plate has are dropped before NMS: plates are wider than tall (a Russian plate is 4.6:1,
     * perspective and the tight box of a far plate bring it to ~1.5-8), and at 1080p between ~12 px (too
     * small to read) and ~640 px wide. A 69x103 box around a wheel fails the aspect test.
     */
    public float minAspect = 1.5f;
    public float maxAspect = 8f;
    public float minWidth = 12f;
    public float maxWidth = 640f;

    /** "cpu" or "gpu". */
    public String device = "cpu";

    /** ONNX Runtime threads inside one operator, per session. PyTorch's are process-wide (ai.djl.pytorch.num_threads). */
    public int intraOpThreads = 2;

    /** Throws IllegalArgumentException naming the first bad setting. */
    public DetectorConfig validate() {
        require(format != null, "detector format must be one of ONNX_END2END, YOLOV5, YOLOV8");
        require(modelFile != null && !modelFile.isBlank(), "detector model file must be named");
        require(inputSize >= 32 && inputSize % 32 == 0,
                "detector input size must be a positive multiple of 32, got " + inputSize);
        require(confidence > 0 && confidence <= 1, "detector confidence must be in (0, 1], got " + confidence);
        require(nmsIou > 0 && nmsIou <= 1, "detector NMS IoU must be in (0, 1], got " + nmsIou);
        require(tileSizes != null, "detector tile sizes must be a list (empty for whole frame only)");
        for (Integer size : tileSizes) {
            require(size != null && size >= 32, "detector tile sizes must be at least 32 px, got " + tileSizes);
        }
        require(minAspect > 0 && maxAspect >= minAspect,
                "detector box aspect must satisfy 0 < min <= max, got " + minAspect + ".." + maxAspect);
        require(minWidth >= 0 && maxWidth >= minWidth,
                "detector box width must satisfy 0 <= min <= max, got " + minWidth + ".." + maxWidth);
        require(tileOverlap >= 0 && tileOverlap < 0.9f, "detector tile overlap must be in [0, 0.9), got " + tileOverlap);
        require("cpu".equals(device) || "gpu".equals(device), "detector device must be cpu or gpu, got " + device);
        require(intraOpThreads >= 1, "detector intra-op threads must be at least 1, got " + intraOpThreads);
        return this;
    }

    /** Whether the whole frame is run: asked for, or no tiles to run instead. */
    public boolean runsWholeFrame() {
        return wholeFrame || tileSizes.isEmpty();
    }

    /** Whether a box has a shape and size some plate has (see {@link #minAspect}). */
    public boolean plateShaped(Box box) {
        float w = box.width();
        float h = box.height();
        return h > 0 && w >= minWidth && w <= maxWidth && w / h >= minAspect && w / h <= maxAspect;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
