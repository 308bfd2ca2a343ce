package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-sample rewrite of the seed's LPRNet: batch-invariant logits from the same weights. */
class PerSampleLprnetTest {
    private static final Path LPRNET =
            Path.of(System.getProperty("lpr.test.models"), RecognizerConfig.DEFAULTS.lprnetFile());
    private static final int BATCH = 32;
    /**
     * Logits of a crop in a batch of 32 against the same crop alone: within 1e-5 of the crop's largest logit
     * magnitude (logits reach ~45). The batched convolutions sum in another order, which moves a logit by a few float
     * ulps of that scale (up to ~2e-5 absolute, ~5e-7 relative), so an absolute 1e-5 cannot hold for float math.
     */
    private static final float TOLERANCE = 1e-5f;

    @Test
    void rewritesTheBatchWideMeanOfSquaresOnly() {
        String code = "    f_pow = torch.pow(feature_map, 2)\n    f_mean = torch.mean(f_pow)\n"
                + "    f_mean2 = torch.mean(f_pow2)\n    _37 = torch.mean(x, [2])\n";

        assertThat(PerSampleLprnet.batchMeans(code)).isEqualTo(2);
        assertThat(PerSampleLprnet.rewriteCode(code))
                .contains("f_mean = torch.mean(f_pow, [1, 2, 3], True)")
                .contains("f_mean2 = torch.mean(f_pow2, [1, 2, 3], True)")
                .contains("_37 = torch.mean(x, [2])");
        assertThat(PerSampleLprnet.batchMeans(PerSampleLprnet.rewriteCode(code))).isZero();
    }

    @Test
    void aFileThatIsNoArchiveIsLeftAlone(@TempDir Path temp) throws Exception {
        Path junk = Files.writeString(temp.resolve("lprnet.pt"), "not a TorchScript archive");
        Path out = temp.resolve("out.pt");

        assertThat(PerSampleLprnet.rewrite(junk, out)).isFalse();
        assertThat(out).doesNotExist();
    }

    @Test
    void batchedLogitsEqualOneCropAtATimeAndTheOriginalsAlone(@TempDir Path temp) throws Exception {
        Path rewritten = temp.resolve("per-sample.pt");
        assertThat(PerSampleLprnet.rewrite(LPRNET, rewritten)).isTrue();

        try (ZooModel<NDList, NDList> original = load(LPRNET);
                ZooModel<NDList, NDList> perSample = load(rewritten);
                Predictor<NDList, NDList> originalRun = original.newPredictor();
                Predictor<NDList, NDList> perSampleRun = perSample.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            // Crops of very different contrast, so that a batch-wide mean would pull them apart.
            NDArray contrast = manager.arange(1f, BATCH + 1f).div(BATCH / 2f).reshape(BATCH, 1, 1, 1);
            NDArray crops = manager.randomUniform(-1f, 1f, new Shape(BATCH, 3, 24, 94)).mul(contrast);

            float[] batched = perSampleRun.predict(new NDList(crops)).singletonOrThrow().toFloatArray();
            float[] originalBatched = originalRun.predict(new NDList(crops)).singletonOrThrow().toFloatArray();
            int perCrop = batched.length / BATCH;
            float worstAgainstOriginal = 0f;
            for (int i = 0; i < BATCH; i++) {
                NDList one = new NDList(crops.get(i).expandDims(0));
                float[] alone = perSampleRun.predict(one).singletonOrThrow().toFloatArray();
                float[] originalAlone = originalRun.predict(one).singletonOrThrow().toFloatArray();

                assertThat(alone).as("crop %d alone: rewritten vs original", i).containsExactly(originalAlone);
                float scale = 1f;
                for (float logit : alone) {
                    scale = Math.max(scale, Math.abs(logit));
                }
                for (int k = 0; k < perCrop; k++) {
                    float expected = alone[k];
                    assertThat(Math.abs(batched[i * perCrop + k] - expected))
                            .as("crop %d logit %d in a batch of %d", i, k, BATCH)
                            .isLessThanOrEqualTo(TOLERANCE * scale);
                    worstAgainstOriginal = Math.max(worstAgainstOriginal,
                            Math.abs(originalBatched[i * perCrop + k] - expected));
                }
            }
            // The test can tell: the original model, batched, moves logits by far more than the tolerance.
            assertThat(worstAgainstOriginal).isGreaterThan(1f);
        }
    }

    private static ZooModel<NDList, NDList> load(Path file) throws Exception {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("PyTorch")
                .optOption("mapLocation", "true")
                .build()
                .loadModel();
    }
}
