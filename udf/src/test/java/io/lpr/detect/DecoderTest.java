package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lpr.event.Box;
import io.lpr.model.ModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output tensors built from known boxes: decode, NMS and the inverse letterbox must give the boxes back. */
class DecoderTest {
    private static final Letterbox.Geometry FRAME = Letterbox.geometry(1920, 1080, 416);
    private static final Box NEAR = new Box(232.44186f, 814.19446f, 324.64374f, 841.9125f);
    private static final Box FAR = new Box(1097.4425f, 661.41547f, 1141.9923f, 674.0388f);
    private static final int ANCHORS = 40;

    /** [B, anchors, 5 + classes]; in image 0, NEAR twice (the second shifted, weaker) and FAR; image 1 holds FAR only. */
    @Test
    void yolov5() {
        int classes = 2;
        int stride = 5 + classes;
        float[] out = new float[2 * ANCHORS * stride];
        putV5(out, 0, 3, stride, NEAR, 0, 0.95f, 0.9f, 0.1f);
        putV5(out, 0, 4, stride, shifted(NEAR), 0, 0.9f, 0.8f, 0.2f);
        putV5(out, 0, 20, stride, FAR, 0, 0.8f, 0.05f, 0.9f); // best class is the second one: class-agnostic
        putV5(out, 0, 30, stride, FAR, 200, 0.4f, 0.9f, 0.0f); // below the threshold
        putV5(out, 1, 7, stride, FAR, 0, 0.7f, 1.0f, 0.0f);

        List<List<Detection>> decoded = new Yolov5Decoder().decode(out, new long[] {2, ANCHORS, stride}, 2, 0.5f);

        List<Detection> image0 = inSource(decoded.get(0));
        assertThat(image0).hasSize(2);
        assertBox(image0.get(0), NEAR, 0.95f * 0.9f);
        assertBox(image0.get(1), FAR, 0.8f * 0.9f);
        List<Detection> image1 = inSource(decoded.get(1));
        assertThat(image1).hasSize(1);
        assertBox(image1.get(0), FAR, 0.7f);
    }

    /** [B, 4 + classes, anchors], one anchor per column, no objectness. */
    @Test
    void yolov8() {
        int channels = 5;
        float[] out = new float[ANCHORS * channels];
        putV8(out, 5, NEAR, 0, 0.9f);
        putV8(out, 6, shifted(NEAR), 0, 0.85f);
        putV8(out, 39, FAR, 0, 0.75f);
        putV8(out, 12, FAR, 300, 0.3f); // below the threshold

        List<List<Detection>> decoded = new Yolov8Decoder().decode(out, new long[] {1, channels, ANCHORS}, 1, 0.5f);

        List<Detection> found = inSource(decoded.get(0));
        assertThat(found).hasSize(2);
        assertBox(found.get(0), NEAR, 0.9f);
        assertBox(found.get(1), FAR, 0.75f);
    }

    /** [N, 7]: batch index, x1, y1, x2, y2, class, score, NMS already applied. */
    @Test
    void end2end() {
        Box near = FRAME.toInput(NEAR);
        Box far = FRAME.toInput(FAR);
        float[] out = {
            0, near.x1, near.y1, near.x2, near.y2, 0, 0.89f,
            1, far.x1, far.y1, far.x2, far.y2, 0, 0.77f,
            0, far.x1, far.y1, far.x2, far.y2, 0, 0.2f,
        };

        List<List<Detection>> decoded = new End2EndDecoder().decode(out, new long[] {3, 7}, 2, 0.5f);

        assertThat(decoded).hasSize(2);
        assertBox(inSource(decoded.get(0)).get(0), NEAR, 0.89f);
        assertThat(decoded.get(0)).hasSize(1);
        assertBox(inSource(decoded.get(1)).get(0), FAR, 0.77f);
    }

    @Test
    void noDetectionsIsAnEmptyListPerImage() {
        assertThat(new End2EndDecoder().decode(new float[0], new long[] {0, 7}, 3, 0.5f))
                .containsExactly(List.of(), List.of(), List.of());
    }

    @Test
    void aTensorOfAnotherLayoutNamesTheFormatSetting() {
        assertThatThrownBy(() -> new End2EndDecoder().decode(new float[10], new long[] {1, 5, 2}, 1, 0.5f))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("ONNX_END2END")
                .hasMessageContaining("[1, 5, 2]");
        assertThatThrownBy(() -> new Yolov5Decoder().decode(new float[14], new long[] {2, 7}, 1, 0.5f))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("YOLOV5");
        assertThatThrownBy(() -> new Yolov8Decoder().decode(new float[8], new long[] {2, 4, 1}, 1, 0.5f))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("YOLOV8");
    }

    private static void putV5(float[] out, int image, int anchor, int stride, Box source, float dx, float obj,
            float... classScores) {
        Box box = FRAME.toInput(source);
        int row = (image * ANCHORS + anchor) * stride;
        out[row] = (box.x1 + box.x2) / 2 + dx;
        out[row + 1] = (box.y1 + box.y2) / 2;
        out[row + 2] = box.width();
        out[row + 3] = box.height();
        out[row + 4] = obj;
        System.arraycopy(classScores, 0, out, row + 5, classScores.length);
    }

    private static void putV8(float[] out, int anchor, Box source, float dx, float score) {
        Box box = FRAME.toInput(source);
        out[anchor] = (box.x1 + box.x2) / 2 + dx;
        out[ANCHORS + anchor] = (box.y1 + box.y2) / 2;
        out[2 * ANCHORS + anchor] = box.width();
        out[3 * ANCHORS + anchor] = box.height();
        out[4 * ANCHORS + anchor] = score;
    }

    private static Box shifted(Box box) {
        return new Box(box.x1 + 4, box.y1 + 1, box.x2 + 4, box.y2 + 1);
    }

    private static List<Detection> inSource(List<Detection> inInput) {
        return Nms.suppress(inInput, 0.45f).stream()
                .map(d -> new Detection(FRAME.toSource(d.box()), d.score()))
                .toList();
    }

    private static void assertBox(Detection actual, Box expected, float score) {
        assertThat(actual.score()).isCloseTo(score, within(1e-5f));
        assertThat(actual.box().x1).isCloseTo(expected.x1, within(0.01f));
        assertThat(actual.box().y1).isCloseTo(expected.y1, within(0.01f));
        assertThat(actual.box().x2).isCloseTo(expected.x2, within(0.01f));
        assertThat(actual.box().y2).isCloseTo(expected.y2, within(0.01f));
    }
}
