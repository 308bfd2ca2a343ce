package io.lpr.detect;

import static io.lpr.util.Messages.rootMessage;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.lpr.model.ModelDirectory;
import io.lpr.model.ModelException;
import io.lpr.model.OnnxRuntimeNatives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The loaded plate detector, one per process: thread-safe, and each thread takes its own {@link PlateDetector}
 * (with its own Predictor) from {@link #newDetector()}.
 */
public final class DetectorModel implements AutoCloseable {
    private final DetectorConfig config;
    private final ZooModel<TileBatch, List<Detection>> model;
    private final SessionOptions sessionOptions;
    private final int maxBatch;

    private DetectorModel(
            DetectorConfig config, ZooModel<TileBatch, List<Detection>> model, SessionOptions sessionOptions, int maxBatch) {
        this.config = config;
        this.model = model;
        this.sessionOptions = sessionOptions;
        this.maxBatch = maxBatch;
    }

    /** Loads the configured model file from the directory; a missing or unreadable model is a ModelException. */
    public static DetectorModel load(DetectorConfig config, ModelDirectory dir) {
        Path file = dir.file(config.modelFile());
        boolean onnx = config.format() == DetectorConfig.Format.ONNX_END2END;
        String engine = onnx ? "OnnxRuntime" : "PyTorch";
        if (onnx) {
            OnnxRuntimeNatives.useCache();
        }
        Device device = config.device().djl(engine, "detector");
        SessionOptions sessionOptions = onnx ? onnxSessionOptions(config) : null;
        Model raw = Model.newInstance("plate-detector", device, engine);
        ZooModel<TileBatch, List<Detection>> model = new ZooModel<>(raw, new DetectionTranslator(config));
        try {
            // TorchScript traced on CUDA only loads on a CPU when its tensors are mapped to the target device.
            raw.load(file, null, onnx ? Map.of("sessionOptions", sessionOptions) : Map.of("mapLocation", "true"));
            int maxBatch = probeBatch(model, config, file);
            return new DetectorModel(config, model, sessionOptions, maxBatch);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (sessionOptions != null) {
                sessionOptions.close();
            }
            throw e instanceof ModelException m ? m : new ModelException(
                    "cannot load detector model " + file + " as " + config.format() + ": " + rootMessage(e), e);
        }
    }

    /** A detector for one thread; close it when the thread is done. */
    public PlateDetector newDetector() {
        return newDetector(PlateShape.DEFAULTS);
    }

    /** A detector that keeps only boxes of a plate's shape. */
    public PlateDetector newDetector(PlateShape shape) {
        return new TiledPlateDetector(model.newPredictor(), config, maxBatch, shape);
    }

    public DetectorConfig config() {
        return config;
    }

    /** How many letterboxed regions go into one forward call: 1 when the model's input has a fixed batch of 1. */
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public void close() {
        model.close();
        if (sessionOptions != null) {
            sessionOptions.close();
        }
    }

    /**
     * Intra-op threads as configured, one inter-op thread (the graph is a chain), and no spinning: spinning threads
     * burn the cores the other operators of the job need while they wait for work.
     */
    private static SessionOptions onnxSessionOptions(DetectorConfig config) {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            return options;
        } catch (OrtException e) {
            options.close();
            throw new ModelException("cannot set ONNX Runtime session options: " + e.getMessage(), e);
        }
    }

    /**
     * Runs grey images through the model, which also checks its input size and that its output fits the configured
     * format. Neither engine reports a fixed batch size through DJL, so try two images: a model that takes them gets
     * all regions of a frame in one call, one with a fixed batch of 1 (the bundled ONNX) gets one region per call.
     */
    private static int probeBatch(ZooModel<TileBatch, List<Detection>> model, DetectorConfig config, Path file) {
        int size = config.inputSize();
        try (Scalar grey = new Scalar(Letterbox.GREY, Letterbox.GREY, Letterbox.GREY, 0);
                Mat image = new Mat(size, size, CV_8UC3, grey);
                Predictor<TileBatch, List<Detection>> predictor = model.newPredictor()) {
            try {
                predictor.predict(copies(image, 2));
                return Integer.MAX_VALUE;
            } catch (TranslateException e) {
                ModelException wrongFormat = modelCause(e);
                if (wrongFormat != null) {
                    throw wrongFormat;
                }
            }
            predictor.predict(copies(image, 1));
            return 1;
        } catch (TranslateException e) {
            ModelException wrongFormat = modelCause(e);
            throw wrongFormat != null ? wrongFormat : new ModelException(
                    "detector model " + file + " fails on a " + size + "x" + size + " image: " + rootMessage(e), e);
        }
    }

    private static TileBatch copies(Mat image, int count) {
        return new TileBatch(image, Collections.nCopies(count, new Tiler.Tile(0, 0, image.cols(), image.rows())));
    }

    /** The ModelException (a model/format mismatch found by a decoder) behind a failed prediction, if any. */
    static ModelException modelCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ModelException m) {
                return m;
            }
        }
        return null;
    }
}
