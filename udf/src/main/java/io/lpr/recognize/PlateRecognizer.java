package io.lpr.recognize;

import ai.djl.inference.Predictor;
import ai.djl.metric.Metrics;
import ai.djl.translate.TranslateException;
import io.lpr.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads plate crops (cut by {@link PlateCrop}). Not thread-safe: it owns its predictors, so every thread
 * gets its own from {@link RecognizerModel#newRecognizer()}.
 *
 * <p>The result for a crop does not depend on the other crops in the call: the STN and the per-sample LPRNet
 * ({@link PerSampleLprnet}) run in batches of up to {@code maxBatch}; an LPRNet that could not be made per-sample
 * runs one crop at a time.
 */
public final class PlateRecognizer implements AutoCloseable {
    private final Predictor<Mat, float[]> stn;
    private final Predictor<float[], Reading> lprnet;
    private final int maxBatch;
    private final int lprnetBatch;

    PlateRecognizer(Predictor<Mat, float[]> stn, Predictor<float[], Reading> lprnet, int maxBatch, int lprnetBatch) {
        this.stn = stn;
        this.lprnet = lprnet;
        this.maxBatch = maxBatch;
        this.lprnetBatch = lprnetBatch;
    }

    /** One reading per crop, in order. The crops stay owned by the caller. */
    public List<Reading> recognize(List<Mat> crops) {
        List<Reading> readings = new ArrayList<>(crops.size());
        try {
            for (int from = 0; from < crops.size(); from += maxBatch) {
                List<Mat> batch = crops.subList(from, Math.min(crops.size(), from + maxBatch));
                List<float[]> aligned = stn.batchPredict(batch);
                for (int at = 0; at < aligned.size(); at += lprnetBatch) {
                    readings.addAll(lprnet.batchPredict(aligned.subList(at, Math.min(aligned.size(), at + lprnetBatch))));
                }
            }
        } catch (TranslateException e) {
            // Bad crops fail in pre-processing with a readable cause; keep that one line.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IllegalArgumentException || cause instanceof ModelException) {
                throw (RuntimeException) cause;
            }
            throw new ModelException("plate recognition failed: " + RecognizerModel.shortFirstLine(cause), e);
        }
        return readings;
    }

    /**
     * Has both predictors record DJL's timings ("Inference" is the bare model forward, in microseconds), so
     * the benchmark can show what pre- and post-processing cost beside the models themselves.
     */
    public void setMetrics(Metrics metrics) {
        stn.setMetrics(metrics);
        lprnet.setMetrics(metrics);
    }

    @Override
    public void close() {
        try {
            stn.close();
        } finally {
            lprnet.close();
        }
    }
}
