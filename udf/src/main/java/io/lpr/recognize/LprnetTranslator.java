package io.lpr.recognize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.lpr.model.ModelException;
import io.lpr.plate.GrammarDecoder;

/**
 * Aligned plate tensor in, decoded {@link Reading} out. Batched only when the model is the per-sample rewrite
 * ({@link PerSampleLprnet}): the original's global-context normalisation divides by the mean of squares over the
 * whole input batch, so a crop's logits would depend on whatever else shares its batch.
 */
final class LprnetTranslator implements Translator<float[], Reading> {
    private static final Shape CROP = new Shape(PlateTensor.CHANNELS, PlateTensor.HEIGHT, PlateTensor.WIDTH);
    /** LPRNet's 18 CTC time steps. */
    static final int STEPS = 18;
    private static final Shape LOGITS = new Shape(Vocabulary.SIZE, STEPS);

    private final String modelFile;
    private final ReadingPolicy policy;
    private final GrammarDecoder decoder;

    LprnetTranslator(String modelFile, ReadingPolicy policy) {
        this.modelFile = modelFile;
        this.policy = policy;
        this.decoder = new GrammarDecoder(policy.grammar(), Vocabulary.SYMBOLS, Vocabulary.BLANK, GrammarDecoder.DEFAULT_BEAM);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] aligned) {
        return new NDList(ctx.getNDManager().create(aligned, CROP));
    }

    @Override
    public Reading processOutput(TranslatorContext ctx, NDList list) {
        NDArray logits = list.singletonOrThrow();
        if (!logits.getShape().equals(LOGITS)) {
            throw new ModelException(modelFile + " returned shape " + logits.getShape() + " per crop, expected " + LOGITS);
        }
        return Reading.of(logits.toFloatArray(), STEPS, decoder, policy);
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
