package io.lpr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.lpr.model.ModelException;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Crop in, aligned plate tensor out (the STN keeps shape and normalisation). Batched with
 * {@link Batchifier#STACK}: the STN treats every crop on its own, so batching only saves time.
 * Outputs are copied to Java arrays so that no NDArray outlives the predictor's per-call manager.
 */
final class StnTranslator implements Translator<Mat, float[]> {
    private static final Shape CROP = new Shape(PlateTensor.CHANNELS, PlateTensor.HEIGHT, PlateTensor.WIDTH);

    private final String modelFile;

    StnTranslator(String modelFile) {
        this.modelFile = modelFile;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Mat crop) {
        return new NDList(ctx.getNDManager().create(PlateTensor.of(crop), CROP));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray aligned = list.singletonOrThrow();
        if (!aligned.getShape().equals(CROP)) {
            throw new ModelException(modelFile + " returned shape " + aligned.getShape() + " per crop, expected " + CROP);
        }
        return aligned.toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
