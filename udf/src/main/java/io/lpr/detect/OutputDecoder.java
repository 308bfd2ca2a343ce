package io.lpr.detect;

import io.lpr.model.ModelException;
import java.util.Arrays;
import java.util.List;

/** Turns a detector's raw output tensor into boxes, per image of the batch, in the model's input pixels. */
public interface OutputDecoder {

    /**
     * @param output the tensor's values, row-major
     * @param shape the tensor's shape
     * @param batchSize how many images went in
     * @param confidence the lowest score kept
     * @return {@code batchSize} lists of detections, not yet suppressed
     */
    List<List<Detection>> decode(float[] output, long[] shape, int batchSize, float confidence);

    static OutputDecoder of(DetectorConfig.Format format) {
        return switch (format) {
            case ONNX_END2END -> new End2EndDecoder();
            case YOLOV5 -> new Yolov5Decoder();
            case YOLOV8 -> new Yolov8Decoder();
        };
    }

    /** The error for a tensor whose shape the chosen format cannot read: usually the wrong format setting. */
    static ModelException badShape(String format, String expected, long[] shape) {
        return new ModelException("detector output has shape " + Arrays.toString(shape) + ", but format " + format
                + " expects " + expected + ": is the detector format setting right for this model?");
    }
}
