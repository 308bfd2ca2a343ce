package io.lpr.operator;

import io.lpr.detect.Detection;
import io.lpr.detect.PlateDetector;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.image.Images;
import io.lpr.recognize.PlateCrop;
import io.lpr.runtime.MicroBatcher;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Detection of one worker thread: frame in, plate candidates with their crops out. */
public final class PlateFinder implements MicroBatcher.BatchFunction<Frame, List<PlateCandidate>> {
    private final PlateDetector detector;

    public PlateFinder(PlateDetector detector) {
        this.detector = detector;
    }

    @Override
    public List<List<PlateCandidate>> apply(List<Frame> frames) {
        List<List<PlateCandidate>> out = new ArrayList<>(frames.size());
        for (Frame frame : frames) {
            out.add(find(frame));
        }
        return out;
    }

    public List<PlateCandidate> find(Frame frame) {
        try (Mat image = Images.fromFrame(frame)) {
            List<PlateCandidate> candidates = new ArrayList<>();
            for (Detection d : detector.detect(image)) {
                if (PlateCrop.region(frame.width, frame.height, d.box()).isEmpty()) {
                    continue;
                }
                PlateCrop.Pixels crop = PlateCrop.cutBgr(image, d.box());
                candidates.add(new PlateCandidate(frame, d.box(), d.score(), crop.width(), crop.height(), crop.bgr()));
            }
            return candidates;
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
