package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import io.lpr.model.Device;
import io.lpr.model.ModelDirectory;
import io.lpr.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognizerModelTest {
    private static final Path SEED = Path.of(System.getProperty("lpr.test.models", "models/weights"));

    @Test
    void missingDirectoryIsNamed(@TempDir Path temp) {
        Path nowhere = temp.resolve("nowhere");
        assertThatThrownBy(() -> RecognizerModel.load(RecognizerConfig.DEFAULTS, new ModelDirectory(nowhere.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(nowhere.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingFileIsNamed(@TempDir Path temp) throws IOException {
        Files.copy(SEED.resolve(RecognizerConfig.DEFAULTS.stnFile()), temp.resolve(RecognizerConfig.DEFAULTS.stnFile()));
        assertThatThrownBy(() -> RecognizerModel.load(RecognizerConfig.DEFAULTS, new ModelDirectory(temp.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(RecognizerConfig.DEFAULTS.lprnetFile())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void corruptFileIsNamedInOneLine(@TempDir Path temp) throws IOException {
        Files.copy(SEED.resolve(RecognizerConfig.DEFAULTS.stnFile()), temp.resolve(RecognizerConfig.DEFAULTS.stnFile()));
        Files.write(temp.resolve(RecognizerConfig.DEFAULTS.lprnetFile()), "not a TorchScript archive".getBytes());
        assertThatThrownBy(() -> RecognizerModel.load(RecognizerConfig.DEFAULTS, new ModelDirectory(temp.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(temp.resolve(RecognizerConfig.DEFAULTS.lprnetFile()).toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Without a GPU, asking for one is one readable line; with one, the models load on it. Never skipped. */
    @Test
    void gpuLoadsWhereThereIsOneAndIsOneReadableLineWhereThereIsNot() {
        RecognizerConfig gpu = RecognizerConfig.DEFAULTS.withDevice(Device.GPU);
        ModelDirectory models = new ModelDirectory(SEED.toString());
        if (Engine.getEngine("PyTorch").getGpuCount() == 0) {
            assertThatThrownBy(() -> RecognizerModel.load(gpu, models))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("gpu")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } else {
            RecognizerModel.load(gpu, models).close();
        }
    }

    @Test
    void configIsValidated() {
        assertThat(RecognizerConfig.DEFAULTS.maxBatch()).isEqualTo(32);
        assertThat(RecognizerConfig.DEFAULTS.device()).isEqualTo(Device.CPU);
        assertThatThrownBy(() -> RecognizerConfig.DEFAULTS.withDevice(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpu or gpu");
        assertThatThrownBy(() -> RecognizerConfig.DEFAULTS.withMaxBatch(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecognizerConfig.DEFAULTS.withThreads(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
