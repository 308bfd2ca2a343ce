package io.lpr.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * YOLOv8/v9 export output [batch, 4 + classes, anchors]: cx, cy, w, h then class scores, one anchor per column,
 * with no objectness.
 */
public final class Yolov8Decoder implements OutputDecoder {

    @Override
    public List<List<Detection>> decode(float[] output, long[] shape, int batchSize, float confidence) {
        if (shape.length != 3 || shape[0] != batchSize || shape[1] < 5) {
            throw OutputDecoder.badShape("YOLOV8", "[" + batchSize + ", 4 + classes, anchors]", shape);
        }
        int channels = (int) shape[1];
        int anchors = (int) shape[2];
        List<List<Detection>> batch = new ArrayList<>(batchSize);
        for (int b = 0; b < batchSize; b++) {
            int image = b * channels * anchors;
            List<Detection> found = new ArrayList<>();
            for (int a = 0; a < anchors; a++) {
                float best = 0f;
                for (int c = 4; c < channels; c++) {
                    best = Math.max(best, output[image + c * anchors + a]);
                }
                if (best >= confidence) {
                    found.add(new Detection(
                            Yolov5Decoder.centred(
                                    output[image + a],
                                    output[image + anchors + a],
                                    output[image + 2 * anchors + a],
                                    output[image + 3 * anchors + a]),
                            best));
                }
            }
            batch.add(found);
        }
        return batch;
    }
}
