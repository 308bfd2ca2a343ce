package io.lpr.source;

import java.util.List;
import java.util.Set;

/**
 * What the enumerator checkpoints: the cameras it has handed to readers (their progress lives in
 * the readers' state) and the splits still waiting for a reader.
 */
public final class CameraEnumeratorState {
    private final Set<String> assignedCameras;
    private final List<CameraSplit> unassignedSplits;

    public CameraEnumeratorState(Set<String> assignedCameras, List<CameraSplit> unassignedSplits) {
        this.assignedCameras = Set.copyOf(assignedCameras);
        this.unassignedSplits = List.copyOf(unassignedSplits);
    }

    public static CameraEnumeratorState empty() {
        return new CameraEnumeratorState(Set.of(), List.of());
    }

    public Set<String> assignedCameras() {
        return assignedCameras;
    }

    public List<CameraSplit> unassignedSplits() {
        return unassignedSplits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraEnumeratorState
                && assignedCameras.equals(((CameraEnumeratorState) o).assignedCameras)
                && unassignedSplits.equals(((CameraEnumeratorState) o).unassignedSplits);
    }

    @Override
    public int hashCode() {
        return 31 * assignedCameras.hashCode() + unassignedSplits.hashCode();
    }

    @Override
    public String toString() {
        return "CameraEnumeratorState{assigned=" + assignedCameras + ", unassigned=" + unassignedSplits + "}";
    }
}
