package io.lpr.guide;

import io.lpr.detect.DetectorConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guide of every camera whose frames this process detects, made on a camera's first frame. A camera's frames
 * all come through the one detect subtask chained to the source subtask that reads it, so its guide is whole here.
 *
 * <p>The guides are checkpointed: the detect operator puts the state of each camera it detected into union operator
 * state ({@link GuideState}, {@link GuideStateSerializer}), and on restore the guides of all cameras are installed
 * here, replacing what a failed attempt left in the process. A restored camera's guide so scans the regions the
 * failed one scanned: its motion reference, its tracked plates and its sweep go on from the checkpoint, and a frame
 * replayed from the operator's queue gets the plan it got before. Several detect subtasks of a process share these
 * guides and restore the same union state, so the guides are installed once per restore ({@link #restore}): a
 * subtask that restores later must not turn back a guide another one has already moved on.
 */
public final class CameraGuides implements AutoCloseable {
    private final GuideConfig config;
    private final DetectorConfig detector;
    private final int replayDepth;
    private final Map<String, CameraGuide> guides = new ConcurrentHashMap<>();
    private Object restoredFrom;

    /** Guides that keep one frame's plan for a replay (enough where nothing is replayed). */
    public CameraGuides(GuideConfig config, DetectorConfig detector) {
        this(config, detector, 1);
    }

    /**
     * @param replayDepth how many frames' plans each guide keeps for replays after a restore: the most frames of one
     *     camera the async detect operator holds at a checkpoint, its capacity
     */
    public CameraGuides(GuideConfig config, DetectorConfig detector, int replayDepth) {
        this.config = config;
        this.detector = detector;
        this.replayDepth = replayDepth;
    }

    public CameraGuide of(String cameraId) {
        return guides.computeIfAbsent(cameraId, this::newGuide);
    }

    /** The state of a camera's guide, or null where the camera has none here. */
    public GuideState snapshot(String cameraId) {
        CameraGuide guide = guides.get(cameraId);
        return guide == null ? null : guide.snapshot();
    }

    /**
     * Installs the guides of a restore: these states, and no other guide (a guide left by the failed attempt, of a
     * camera that had none at the checkpoint, would be ahead of it), unless this restore was installed already.
     *
     * @param restore names the restore (the job, the checkpoint restored and the attempt), the same in every subtask
     *     of the process that restores it
     * @param states the cameras' guides, at most one per camera
     * @return whether they were installed; false where another subtask installed this restore before
     */
    public synchronized boolean restore(Object restore, Collection<GuideState> states) {
        if (Objects.equals(restore, restoredFrom)) {
            return false;
        }
        restoredFrom = restore;
        List<CameraGuide> replaced = new ArrayList<>(guides.values());
        guides.clear();
        for (GuideState state : states) {
            CameraGuide guide = newGuide(state.cameraId());
            guide.restore(state);
            guides.put(state.cameraId(), guide);
        }
        // A worker of the failed attempt still holding one of these finds it closed and harms nothing restored.
        replaced.forEach(CameraGuide::close);
        return true;
    }

    public GuideConfig config() {
        return config;
    }

    private CameraGuide newGuide(String cameraId) {
        return new CameraGuide(cameraId, config, detector, replayDepth);
    }

    @Override
    public void close() {
        guides.values().forEach(CameraGuide::close);
        guides.clear();
    }
}
