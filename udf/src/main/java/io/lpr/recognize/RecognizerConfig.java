package io.lpr.recognize;

import java.io.Serializable;

/**
 * How to load the recogniser; serialisable so Flink can ship it to the operators that load the models.
 *
 * @param stnFile file name of the STN TorchScript model inside the model directory
 * @param lprnetFile file name of the LPRNet TorchScript model inside the model directory
 * @param device "cpu" or "gpu"
 * @param maxBatch most crops per STN and LPRNet call
 * @param threads PyTorch intra-op threads, process-wide; 0 keeps PyTorch's default
 */
public record RecognizerConfig(String stnFile, String lprnetFile, String device, int maxBatch, int threads)
        implements Serializable {
    public static final String DEFAULT_STN_FILE = "stn.torchscript.pt";
    public static final String DEFAULT_LPRNET_FILE = "lprnet.torchscript.pt";
    public static final int DEFAULT_MAX_BATCH = 32;

    public RecognizerConfig {
        if (stnFile == null || stnFile.isBlank() || lprnetFile == null || lprnetFile.isBlank()) {
            throw new IllegalArgumentException("recogniser model file names must not be blank");
        }
        if (!"cpu".equals(device) && !"gpu".equals(device)) {
            throw new IllegalArgumentException("recogniser device must be cpu or gpu, got " + device);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("recogniser max batch must be at least 1, got " + maxBatch);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("recogniser threads must be 0 (default) or more, got " + threads);
        }
    }

    public static RecognizerConfig defaults() {
        return new RecognizerConfig(DEFAULT_STN_FILE, DEFAULT_LPRNET_FILE, "cpu", DEFAULT_MAX_BATCH, 0);
    }

    public RecognizerConfig withDevice(String newDevice) {
        return new RecognizerConfig(stnFile, lprnetFile, newDevice, maxBatch, threads);
    }

    public RecognizerConfig withMaxBatch(int newMaxBatch) {
        return new RecognizerConfig(stnFile, lprnetFile, device, newMaxBatch, threads);
    }

    public RecognizerConfig withThreads(int newThreads) {
        return new RecognizerConfig(stnFile, lprnetFile, device, maxBatch, newThreads);
    }
}
