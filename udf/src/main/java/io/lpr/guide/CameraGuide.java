package io.lpr.guide;

import io.lpr.detect.DetectorConfig;
import io.lpr.detect.Tiler;
import io.lpr.event.Box;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One camera's guidance: its motion model, its tracked plates, its watched weak boxes and its sweep. Thread-safe: a camera's frames may
 * be detected by several worker threads, and each call sees the others' results.
 */
public final class CameraGuide implements AutoCloseable {
    private final GuideConfig config;
    private final DetectorConfig detector;
    private final MotionDetector motion;
    private final PlateTracks tracks;
    private final RegionPlanner planner;
    /** Weak boxes (below the detector threshold) whose regions are watched (state, as the three above). */
    private final WeakBoxes weak;

    public CameraGuide(GuideConfig config, DetectorConfig detector) {
        this.config = config;
        this.detector = detector;
        this.motion = new MotionDetector(config.motionHeight(), config.motionThreshold());
        this.tracks = new PlateTracks(config.trackTtlMs());
        // Watched for a sweep period, then resting as long: every tile is swept once per period anyway.
        this.weak = new WeakBoxes(config.trackTtlMs(), config.sweepPeriodMs());
        this.planner = new RegionPlanner(
                detector.tileSizes(), detector.tileOverlap(), detector.runsWholeFrame(), config.sweepPeriodMs());
    }

    /** The regions to detect in this BGR frame, taken at {@code time} (ms). */
    public synchronized Plan plan(Mat bgrFrame, long time) {
        if (!config.guided()) {
            List<Tiler.Tile> all = Tiler.fullTiling(bgrFrame.cols(), bgrFrame.rows(), detector.tileSizes(),
                    detector.tileOverlap(), detector.runsWholeFrame());
            return new Plan(all, 0, 0, all.size());
        }
        List<Box> moved = motion.update(bgrFrame);
        return planner.plan(bgrFrame.cols(), bgrFrame.rows(), time, moved, tracks.predict(time), weak.recent(time));
    }

    /** The plates found in the frame taken at {@code time}. */
    public synchronized void observe(List<Box> found, long time) {
        observe(found, List.of(), time);
    }

    /** The plates and the weak boxes (too weak to be plates, worth watching) found in the frame taken at {@code time}. */
    public synchronized void observe(List<Box> found, List<Box> weakBoxes, long time) {
        if (config.guided()) {
            tracks.observe(found, time);
            weak.observe(weakBoxes, found, time);
        }
    }

    @Override
    public synchronized void close() {
        motion.close();
    }
}
