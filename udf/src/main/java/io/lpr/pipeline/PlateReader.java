package io.lpr.pipeline;

import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.image.Images;
import io.lpr.recognize.PlateRecognizer;
import io.lpr.recognize.Reading;
import io.lpr.runtime.MicroBatcher;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Recognition of one worker thread: a batch of crops, from any cameras, in one model call. */
public final class PlateReader implements MicroBatcher.BatchFunction<PlateCandidate, PlateRead> {
    private final PlateRecognizer recognizer;

    public PlateReader(PlateRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    @Override
    public List<PlateRead> apply(List<PlateCandidate> candidates) {
        List<Mat> crops = new ArrayList<>(candidates.size());
        try {
            for (PlateCandidate c : candidates) {
                crops.add(Images.fromBgr(c.cropPixels, c.cropWidth, c.cropHeight));
            }
            List<Reading> readings = recognizer.recognize(crops);
            List<PlateRead> reads = new ArrayList<>(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                reads.add(read(candidates.get(i), readings.get(i)));
            }
            return reads;
        } finally {
            crops.forEach(Mat::close);
        }
    }

    static PlateRead read(PlateCandidate candidate, Reading reading) {
        PlateRead read = new PlateRead(candidate, reading.text(), reading.score());
        read.confidence = reading.readable() ? reading.confidence() : 0f;
        read.greedyText = reading.rawText();
        int n = reading.candidates().size();
        read.alternatives = new String[n];
        read.alternativeProbabilities = new float[n];
        for (int k = 0; k < n; k++) {
            read.alternatives[k] = reading.candidates().get(k).text();
            read.alternativeProbabilities[k] = (float) reading.candidates().get(k).probability();
        }
        return read;
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
