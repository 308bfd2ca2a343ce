package io.lpr.detect;

import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.List;

/** YOLOv5 export output [batch, anchors, 5 + classes]: cx, cy, w, h, objectness, class scores. */
public final class Yolov5Decoder implements OutputDecoder {

    @Override
    public List<List<Detection>> decode(float[] output, long[] shape, int batchSize, float confidence) {
        if (shape.length != 3 || shape[0] != batchSize || shape[2] < 6) {
            throw OutputDecoder.badShape("YOLOV5", "[" + batchSize + ", anchors, 5 + classes]", shape);
        }
        int anchors = (int) shape[1];
        int stride = (int) shape[2];
        List<List<Detection>> batch = new ArrayList<>(batchSize);
        for (int b = 0; b < batchSize; b++) {
            List<Detection> found = new ArrayList<>();
            for (int a = 0; a < anchors; a++) {
                int row = (b * anchors + a) * stride;
                float objectness = output[row + 4];
                if (objectness < confidence) {
                    continue; // the score is objectness times a class score <= 1, so it cannot reach the threshold
                }
                float best = 0f;
                for (int c = row + 5; c < row + stride; c++) {
                    best = Math.max(best, output[c]);
                }
                float score = objectness * best;
                if (score >= confidence) {
                    found.add(new Detection(centred(output[row], output[row + 1], output[row + 2], output[row + 3]), score));
                }
            }
            batch.add(found);
        }
        return batch;
    }

    static Box centred(float cx, float cy, float w, float h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }
}
