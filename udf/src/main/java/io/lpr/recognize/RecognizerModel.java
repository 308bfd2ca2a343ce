package io.lpr.recognize;

import io.lpr.util.Messages;
import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.lpr.model.ModelDirectory;
import io.lpr.model.ModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded STN and LPRNet TorchScript models. Thread-safe: load once per process (or task manager slot)
 * and give every thread its own {@link PlateRecognizer}. Close the recognisers before the model.
 */
public final class RecognizerModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecognizerModel.class);
    private static final String ENGINE = "PyTorch";
    private static final int MAX_MESSAGE = 300;

    private final RecognizerConfig config;
    private final Device device;
    private final ZooModel<NDList, NDList> stn;
    private final ZooModel<NDList, NDList> lprnet;
    private final boolean lprnetBatched;

    private RecognizerModel(RecognizerConfig config, Device device,
            ZooModel<NDList, NDList> stn, ZooModel<NDList, NDList> lprnet, boolean lprnetBatched) {
        this.config = config;
        this.device = device;
        this.stn = stn;
        this.lprnet = lprnet;
        this.lprnetBatched = lprnetBatched;
    }

    /**
     * Loads both models from {@code dir}, offline.
     *
     * @throws ModelException naming the file when a model is missing, corrupt or cannot run on the device
     */
    public static RecognizerModel load(RecognizerConfig config, ModelDirectory dir) {
        Path stnPath = dir.file(config.stnFile());
        Path lprnetPath = dir.file(config.lprnetFile());
        Device device = config.device().djl(ENGINE, "recogniser");
        ZooModel<NDList, NDList> stn = loadTorchScript(stnPath, stnPath, device);
        try {
            Path perSample = perSampleCopy(lprnetPath);
            ZooModel<NDList, NDList> lprnet;
            try {
                lprnet = loadTorchScript(perSample != null ? perSample : lprnetPath, lprnetPath, device);
            } finally {
                deleteCopy(perSample);
            }
            if (perSample == null) {
                LOG.warn("{} has no batch-wide mean to make per-sample; it runs one crop per call", lprnetPath);
            }
            if (config.threads() > 0) {
                JniUtils.setNumThreads(config.threads());
            }
            return new RecognizerModel(config, device, stn, lprnet, perSample != null);
        } catch (RuntimeException e) {
            stn.close();
            throw e;
        }
    }

    /** A temporary batch-invariant copy of LPRNet ({@link PerSampleLprnet}), or null where it does not apply. */
    private static Path perSampleCopy(Path lprnet) {
        try {
            Path dir = Files.createTempDirectory("lpr-lprnet");
            Path copy = dir.resolve("lprnet-per-sample.pt");
            if (PerSampleLprnet.rewrite(lprnet, copy)) {
                return copy;
            }
            Files.delete(dir);
            return null;
        } catch (IOException e) {
            throw new ModelException("cannot read TorchScript model " + lprnet + ": " + shortFirstLine(e), e);
        }
    }

    private static void deleteCopy(Path copy) {
        if (copy == null) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary model copy " + copy, e);
        }
    }

    /** Loads {@code file}, naming {@code shownAs} (the user's file) in errors. */
    private static ZooModel<NDList, NDList> loadTorchScript(Path file, Path shownAs, Device device) {
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine(ENGINE)
                .optDevice(device)
                // The reference traced these on CUDA; without mapping, CPU loading fails on CUDA tensors.
                .optOption("mapLocation", "true")
                .build();
        try {
            return criteria.loadModel();
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new ModelException("cannot load TorchScript model " + shownAs + " on " + device + ": "
                    + shortFirstLine(e), e);
        }
    }

    /** A new recogniser with its own predictors and the default reading policy (Russian formats). */
    public PlateRecognizer newRecognizer() {
        return newRecognizer(ReadingPolicy.DEFAULTS);
    }

    /** A new recogniser with its own predictors, for use by one thread at a time. */
    public PlateRecognizer newRecognizer(ReadingPolicy policy) {
        return new PlateRecognizer(
                stn.newPredictor(new StnTranslator(config.stnFile()), device),
                lprnet.newPredictor(new LprnetTranslator(config.lprnetFile(), policy), device),
                config.maxBatch(), lprnetBatched ? config.maxBatch() : 1);
    }

    /** Whether LPRNet runs crops in batches (its per-sample rewrite applied) or one crop per call. */
    public boolean lprnetBatched() {
        return lprnetBatched;
    }

    public RecognizerConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            stn.close();
        } finally {
            lprnet.close();
        }
    }

    /** The start of an exception message: PyTorch errors carry multi-line C++ traces and backend lists. */
    static String shortFirstLine(Throwable e) {
        String line = Messages.firstLine(e);
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
