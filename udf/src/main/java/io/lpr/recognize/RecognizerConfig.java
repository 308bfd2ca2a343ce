package io.lpr.recognize;

import io.lpr.model.Device;
import io.lpr.runtime.BatchingConfig;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How to load the recogniser; serialisable so Flink can ship it to the operators that load the models.
 *
 * @param stnFile file name of the STN TorchScript model inside the model directory
 * @param lprnetFile file name of the LPRNet TorchScript model inside the model directory
 * @param device where the models run
 * @param maxBatch most crops per STN and LPRNet call
 * @param threads PyTorch intra-op threads, process-wide; 0 keeps PyTorch's default
 */
public record RecognizerConfig(String stnFile, String lprnetFile, Device device, int maxBatch, int threads)
        implements Serializable {
    /** The defaults, written here once; {@link RecognizerOptions} shows them. */
    public static final RecognizerConfig DEFAULTS =
            new RecognizerConfig("stn.torchscript.pt", "lprnet.torchscript.pt", Device.CPU,
                    BatchingConfig.DEFAULTS.maxBatch(), 0);

    /** @throws IllegalArgumentException naming the bad setting */
    public RecognizerConfig {
        if (stnFile == null || stnFile.isBlank() || lprnetFile == null || lprnetFile.isBlank()) {
            throw new IllegalArgumentException("recogniser model file names must not be blank");
        }
        if (device == null) {
            throw new IllegalArgumentException("lpr.recognizer.device must be cpu or gpu");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("lpr.recognizer.max-batch must be at least 1, got " + maxBatch);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("lpr.recognizer.threads must be 0 (PyTorch's default) or more, got " + threads);
        }
    }

    /** The {@code lpr.recognizer.*} model settings ({@link RecognizerOptions}), checked. */
    public static RecognizerConfig from(ReadableConfig c) {
        return DEFAULTS.withDevice(c.get(RecognizerOptions.DEVICE)).withMaxBatch(c.get(RecognizerOptions.MAX_BATCH))
                .withThreads(c.get(RecognizerOptions.THREADS));
    }

    public RecognizerConfig withDevice(Device newDevice) {
        return new RecognizerConfig(stnFile, lprnetFile, newDevice, maxBatch, threads);
    }

    public RecognizerConfig withMaxBatch(int newMaxBatch) {
        return new RecognizerConfig(stnFile, lprnetFile, device, newMaxBatch, threads);
    }

    public RecognizerConfig withThreads(int newThreads) {
        return new RecognizerConfig(stnFile, lprnetFile, device, maxBatch, newThreads);
    }
}
