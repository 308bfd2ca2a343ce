package io.lpr.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The latest state of every camera, as its reader reported it, and which of them changed since
 * they were last written out. Not thread-safe: the enumerator uses it on its coordinator thread.
 */
public final class CameraStatusBoard {
    private final Map<String, CameraStatus> latest = new TreeMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    public void update(CameraStatusEvent event, long receivedMillis) {
        latest.put(event.cameraId(), CameraStatus.of(event, receivedMillis));
        changed.add(event.cameraId());
    }

    /** Counts every camera that still runs as changed at {@code nowMillis}: the heartbeat that keeps it from going stale. */
    public void touch(long nowMillis) {
        for (CameraStatus status : List.copyOf(latest.values())) {
            if (!status.state().equals("finished")) {
                latest.put(status.cameraId(), status.touched(nowMillis));
                changed.add(status.cameraId());
            }
        }
    }

    public Optional<CameraStatus> get(String cameraId) {
        return Optional.ofNullable(latest.get(cameraId));
    }

    /** Every camera's latest state, by id. */
    public Map<String, CameraStatus> snapshot() {
        return Map.copyOf(latest);
    }

    public boolean hasChanges() {
        return !changed.isEmpty();
    }

    /** The states changed since the last call, now counted as written. */
    public List<CameraStatus> takeChanges() {
        List<CameraStatus> changes = new ArrayList<>(changed.size());
        changed.forEach(id -> changes.add(latest.get(id)));
        changed.clear();
        return changes;
    }

    /** Counts these states as changed again, e.g. after writing them failed. */
    public void markChanged(Collection<CameraStatus> unwritten) {
        unwritten.forEach(status -> changed.add(status.cameraId()));
    }
}
