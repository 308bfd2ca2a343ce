package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assertThatThrownBy(() -> RecognizerModel.load(RecognizerConfig.defaults(), new ModelDirectory(nowhere.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(nowhere.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingFileIsNamed(@TempDir Path temp) throws IOException {
        Files.copy(SEED.resolve(RecognizerConfig.DEFAULTS.stnFile()), temp.resolve(RecognizerConfig.DEFAULTS.stnFile()));
        assertThatThrownBy(() -> RecognizerModel.load(RecognizerConfig.defaults(), new ModelDirectory(temp.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(RecognizerConfig.DEFAULTS.lprnetFile())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void corruptFileIsNamedInOneLine(@TempDir Path temp) throws IOException {
        Files.copy(SEED.resolve(RecognizerConfig.DEFAULTS.stnFile()), temp.resolve(RecognizerConfig.DEFAULTS.stnFile()));
        Files.write(temp.resolve(RecognizerConfig.DEFAULTS.lprnetFile()), "not a TorchScript archive".getBytes());
        assertThatThrownBy(() -> RecognizerModel.load(RecognizerConfig.defaults(), new ModelDirectory(temp.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(temp.resolve(RecognizerConfig.DEFAULTS.lprnetFile()).toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void gpuWithoutAGpuIsOneReadableLine() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "a GPU is visible");
        assertThatThrownBy(() -> RecognizerModel.load(RecognizerConfig.defaults().withDevice(Device.GPU), new ModelDirectory(SEED.toString())))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("gpu")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void configIsValidated() {
        assertThat(RecognizerConfig.defaults().maxBatch()).isEqualTo(32);
        assertThat(RecognizerConfig.defaults().device()).isEqualTo(Device.CPU);
        assertThatThrownBy(() -> RecognizerConfig.defaults().withDevice(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpu or gpu");
        assertThatThrownBy(() -> RecognizerConfig.defaults().withMaxBatch(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecognizerConfig.defaults().withThreads(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
