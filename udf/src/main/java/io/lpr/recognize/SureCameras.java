package io.lpr.recognize;

import io.lpr.track.TrackerConfig;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SureReads} of every camera whose crops this process recognises, made on a camera's first crop; shared by
 * the recognise subtasks of the process, as {@code io.lpr.guide.CameraGuides} is by the detect subtasks. Restored from
 * union operator state once per restore ({@link #restore}): a subtask that restores later must not turn back a
 * camera another one has already moved on.
 */
public final class SureCameras implements AutoCloseable {
    private final SureReadsConfig config;
    private final TrackerConfig tracker;
    private final int replayDepth;
    private final Map<String, SureReads> cameras = new ConcurrentHashMap<>();
    private Object restoredFrom;

    /**
     * @param tracker whose min IoU and passage gap follow a plate, as the passage tracker does
     * @param replayDepth frames of decisions kept per camera for replays: the async operator's capacity
     */
    public SureCameras(SureReadsConfig config, TrackerConfig tracker, int replayDepth) {
        this.config = config;
        this.tracker = tracker;
        this.replayDepth = replayDepth;
    }

    public SureReads of(String cameraId) {
        return cameras.computeIfAbsent(cameraId, this::newCamera);
    }

    /** The state of a camera's sure reads, or null where the camera has none here. */
    public SureState snapshot(String cameraId) {
        SureReads camera = cameras.get(cameraId);
        return camera == null ? null : camera.snapshot();
    }

    /**
     * Installs these states and no others, unless this restore (named the same by every subtask of the process that
     * restores it) was installed already; returns whether they were installed.
     */
    public synchronized boolean restore(Object restore, Collection<SureState> states) {
        if (Objects.equals(restore, restoredFrom)) {
            return false;
        }
        restoredFrom = restore;
        cameras.clear();
        for (SureState state : states) {
            SureReads camera = newCamera(state.cameraId());
            camera.restore(state);
            cameras.put(state.cameraId(), camera);
        }
        return true;
    }

    private SureReads newCamera(String cameraId) {
        return new SureReads(cameraId, config, tracker.minIou(), tracker.passageGap().toMillis(), replayDepth);
    }

    @Override
    public void close() {
        cameras.clear();
    }
}
