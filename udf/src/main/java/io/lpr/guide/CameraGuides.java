package io.lpr.guide;

import io.lpr.detect.DetectorConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guide of every camera whose frames this process detects, made on a camera's first frame. A camera's frames
 * all come through the one detect subtask chained to the source subtask that reads it, so its guide is whole here.
 *
 * <p>Nothing of it is checkpointed, on purpose: after a restore or a rescale a camera's first frame gets a new guide,
 * which scans that frame in full (every tile and the whole frame), so every plate the lost guide was following is
 * found again at once and re-tracked; motion resumes from the next frame and the sweep from then on. A restore
 * costs one full scan per camera and never an event.
 */
public final class CameraGuides implements AutoCloseable {
    private final GuideConfig config;
    private final DetectorConfig detector;
    private final Map<String, CameraGuide> guides = new ConcurrentHashMap<>();

    public CameraGuides(GuideConfig config, DetectorConfig detector) {
        this.config = config;
        this.detector = detector;
    }

    public CameraGuide of(String cameraId) {
        return guides.computeIfAbsent(cameraId, id -> new CameraGuide(config, detector));
    }

    public GuideConfig config() {
        return config;
    }

    @Override
    public void close() {
        guides.values().forEach(CameraGuide::close);
        guides.clear();
    }
}
