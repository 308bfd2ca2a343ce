package io.lpr.guide;

import io.lpr.detect.Detection;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.Detections;
import io.lpr.detect.Tiler;
import io.lpr.event.Box;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One camera's guidance: its motion model, its tracked plates, its watched weak boxes and its sweep. Thread-safe: a camera's frames may
 * be detected by several worker threads, and each call sees the others' results.
 *
 * <p>Its state goes into checkpoints ({@link #snapshot()}, {@link #restore(GuideState)}), and a frame is planned
 * once: the async detect operator replays the frames it held at a checkpoint, some of them planned (and observed)
 * before it, so the plans of the last {@code replayDepth} frames are kept and a frame planned again gets its plan
 * back, and plates observed again in a frame change nothing.
 */
public final class CameraGuide implements AutoCloseable {
    private final String cameraId;
    private final GuideConfig config;
    private final DetectorConfig detector;
    private final int replayDepth;
    private final MotionDetector motion;
    private final PlateTracks tracks;
    private final RegionPlanner planner;
    /** Weak boxes (below the detector threshold) whose regions are watched (state, as the three above). */
    private final WeakBoxes weak;
    /** The plans of the last frames planned, oldest first. */
    private final Deque<GuideState.Planned> recent = new ArrayDeque<>();
    private long framesPlanned;

    /**
     * @param replayDepth how many frames' plans are kept for replays: the most frames of the camera the async
     *     operator holds at a checkpoint, its capacity
     */
    public CameraGuide(String cameraId, GuideConfig config, DetectorConfig detector, int replayDepth) {
        if (replayDepth < 1) {
            throw new IllegalArgumentException("a guide keeps at least one plan for replays, got " + replayDepth);
        }
        this.cameraId = cameraId;
        this.config = config;
        this.detector = detector;
        this.replayDepth = replayDepth;
        this.motion = new MotionDetector(config.motionHeight(), config.motionThreshold());
        this.tracks = new PlateTracks(config.trackTtl().toMillis());
        // Watched for a sweep period, then resting as long: every tile is swept once per period anyway.
        this.weak = new WeakBoxes(config.trackTtl().toMillis(), config.sweepPeriod().toMillis());
        this.planner = new RegionPlanner(detector.tileSizes(), detector.tileOverlap(), detector.runsWholeFrame(),
                config.sweepPeriod().toMillis(), GuideConfig.START_LOOKS,
                new KeepAlive(config.keepAlive().toMillis(), config.trackTtl().toMillis()));
    }

    public String cameraId() {
        return cameraId;
    }

    /**
     * The regions to detect in this BGR frame, taken at {@code time} (ms), number {@code sequence} of its camera.
     * A frame planned before (the same sequence, time and size) gets the plan it got then, and nothing changes.
     */
    public synchronized Plan plan(Mat bgrFrame, long time, long sequence) {
        if (!config.guided()) {
            List<Tiler.Tile> all = Tiler.fullTiling(bgrFrame.cols(), bgrFrame.rows(), detector.tileSizes(),
                    detector.tileOverlap(), detector.runsWholeFrame());
            return new Plan(all, 0, 0, all.size());
        }
        GuideState.Planned before = planned(sequence);
        if (before != null && before.isOf(sequence, time, bgrFrame.cols(), bgrFrame.rows())) {
            return before.plan();
        }
        if (before != null) {
            // The same number for another frame: the camera's stream was started afresh, so the plans kept are of
            // frames that will not come again.
            recent.clear();
        }
        List<Box> moved = motion.update(bgrFrame);
        Plan plan = planner.planAims(bgrFrame.cols(), bgrFrame.rows(), time, moved, tracks.aims(time),
                weak.recent(time));
        recent.addLast(new GuideState.Planned(sequence, time, bgrFrame.cols(), bgrFrame.rows(), plan, false));
        while (recent.size() > replayDepth) {
            recent.removeFirst();
        }
        framesPlanned++;
        return plan;
    }

    /**
     * The plates and the weak boxes (too weak to be plates, worth watching) the detector found in the regions of
     * {@code plan}, in frame {@code sequence}, taken at {@code time}, of this size. Taken in once: a replayed frame's
     * plates, observed before, change nothing. Boxes that cannot be read ({@link ReadableBox}) are neither tracked
     * nor watched.
     */
    public synchronized void observe(Plan plan, Detections found, long time, long sequence, int width, int height) {
        if (!config.guided()) {
            return;
        }
        GuideState.Planned planned = planned(sequence);
        if (planned != null && planned.time() == time) {
            if (planned.observed()) {
                return;
            }
            replace(planned, planned.asObserved());
        }
        List<PlateTracks.Sighting> plates = new ArrayList<>();
        List<Box> readable = new ArrayList<>();
        for (Detection d : found.plates()) {
            if (ReadableBox.mayBeRead(d.box(), width, height, config.minTrackWidth())) {
                plates.add(new PlateTracks.Sighting(d.box(), d.region() == null ? 0 : TileCover.side(d.region()),
                        planner.seenAtEverySize(plan.regions(), d.box()), d.score() - d.runnerUp() >= PlateTracks.MARGIN));
                readable.add(d.box());
            }
        }
        List<Box> weakBoxes = new ArrayList<>();
        for (Detection d : found.weak()) {
            if (ReadableBox.mayBeRead(d.box(), width, height, config.minTrackWidth())) {
                weakBoxes.add(d.box());
            }
        }
        tracks.observeSightings(plates, time);
        weak.observe(weakBoxes, readable, time);
    }

    /** Everything that decides this guide's next plans. */
    public synchronized GuideState snapshot() {
        return new GuideState(cameraId, framesPlanned, motion.reference(), tracks.tracks(), weak.entries(),
                planner.state(), List.copyOf(recent));
    }

    /**
     * Continues from a state taken by {@link #snapshot()}. Parts taken with other tile or motion settings are
     * dropped and start afresh (see {@link RegionPlanner#restore}, {@link MotionDetector#restore}).
     */
    public synchronized void restore(GuideState state) {
        if (!state.cameraId().equals(cameraId)) {
            throw new IllegalArgumentException("camera " + cameraId + " cannot take the guide of " + state.cameraId());
        }
        framesPlanned = state.framesPlanned();
        motion.restore(state.motion());
        tracks.restore(state.tracks());
        weak.restore(state.weak());
        planner.restore(state.planner());
        recent.clear();
        recent.addAll(state.recent());
    }

    private GuideState.Planned planned(long sequence) {
        for (GuideState.Planned p : recent) {
            if (p.sequence() == sequence) {
                return p;
            }
        }
        return null;
    }

    private void replace(GuideState.Planned old, GuideState.Planned now) {
        Deque<GuideState.Planned> copy = new ArrayDeque<>(recent.size());
        for (GuideState.Planned p : recent) {
            copy.addLast(p == old ? now : p);
        }
        recent.clear();
        recent.addAll(copy);
    }

    @Override
    public synchronized void close() {
        motion.close();
    }
}
