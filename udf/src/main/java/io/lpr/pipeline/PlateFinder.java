package io.lpr.pipeline;

import io.lpr.detect.Detection;
import io.lpr.detect.Detections;
import io.lpr.detect.PlateDetector;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.Snapshot;
import io.lpr.guide.CameraGuide;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.Plan;
import io.lpr.image.Images;
import io.lpr.recognize.PlateCrop;
import io.lpr.runtime.MicroBatcher;
import io.lpr.snapshot.FrameSnapshots;
import io.lpr.snapshot.SnapshotConfig;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Detection of one worker thread: frame in, plate candidates with their crops out. The camera's guide chooses
 * the regions to scan and learns where the plates were; a frame detected again (replayed after a restore) gets
 * the regions it got before, so the same plates.
 */
public final class PlateFinder implements MicroBatcher.BatchFunction<Frame, FoundPlates> {
    private final PlateDetector detector;
    private final CameraGuides guides;
    private final FrameSnapshots snapshots;

    /** Without snapshots. */
    public PlateFinder(PlateDetector detector, CameraGuides guides) {
        this(detector, guides, SnapshotConfig.OFF);
    }

    public PlateFinder(PlateDetector detector, CameraGuides guides, SnapshotConfig snapshots) {
        this.detector = detector;
        this.guides = guides;
        this.snapshots = new FrameSnapshots(snapshots);
    }

    @Override
    public List<FoundPlates> apply(List<Frame> frames) {
        List<FoundPlates> out = new ArrayList<>(frames.size());
        for (Frame frame : frames) {
            out.add(find(frame));
        }
        return out;
    }

    public FoundPlates find(Frame frame) {
        try (Mat image = Images.fromFrame(frame)) {
            CameraGuide guide = guides.of(frame.cameraId);
            Plan plan = guide.plan(image, frame.eventTime, frame.sequence);
            Detections detections = detector.detectWithWeak(image, plan.regions());
            List<PlateCandidate> candidates = new ArrayList<>();
            for (Detection d : detections.plates()) {
                if (PlateCrop.region(frame.width, frame.height, d.box()).isEmpty()) {
                    continue;
                }
                PlateCrop.Pixels crop = PlateCrop.cutBgr(image, d.box());
                candidates.add(new PlateCandidate(frame, d.box(), d.score(), crop.width(), crop.height(), crop.bgr()));
            }
            if (!candidates.isEmpty() && snapshots.enabled()) {
                // Encoded here, where the frame is, and only for frames with a plate: the frame's pixels go no further.
                Snapshot snapshot = snapshots.of(image);
                candidates.forEach(c -> c.snapshot = snapshot);
            }
            guide.observe(plan, detections, frame.eventTime, frame.sequence, frame.width, frame.height);
            int regions = plan.regions().size();
            int calls = (int) ((regions + (long) detector.maxBatch() - 1) / detector.maxBatch());
            return new FoundPlates(candidates, plan, calls, detections.weak().size());
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
