package io.lpr.detect;

import io.lpr.event.Box;
import io.lpr.model.ModelException;
import java.util.ArrayList;
import java.util.List;

/** End-to-end export output [N, 7]: batch index, x1, y1, x2, y2, class id, score; NMS already done in the graph. */
public final class End2EndDecoder implements OutputDecoder {

    @Override
    public List<List<Detection>> decode(float[] output, long[] shape, int batchSize, float confidence) {
        if (shape.length != 2 || shape[1] != 7) {
            throw OutputDecoder.badShape("ONNX_END2END", "[detections, 7]", shape);
        }
        List<List<Detection>> batch = new ArrayList<>(batchSize);
        for (int b = 0; b < batchSize; b++) {
            batch.add(new ArrayList<>());
        }
        for (int row = 0; row < shape[0] * 7; row += 7) {
            int image = Math.round(output[row]);
            float score = output[row + 6];
            if (image < 0 || image >= batchSize) {
                throw new ModelException("detector output names image " + image + " of a batch of " + batchSize);
            }
            if (score >= confidence) {
                batch.get(image).add(new Detection(
                        new Box(output[row + 1], output[row + 2], output[row + 3], output[row + 4]), score));
            }
        }
        return batch;
    }
}
