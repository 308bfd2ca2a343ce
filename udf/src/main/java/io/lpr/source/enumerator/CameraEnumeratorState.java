package io.lpr.source.enumerator;

import io.lpr.camera.CameraSpec;
import io.lpr.source.split.CameraSplit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the enumerator checkpoints: the cameras it has handed to readers with the spec each was
 * handed out with (their progress lives in the readers' state), and the splits still waiting for
 * a reader. Files that ended stay assigned, so a restore does not read them again.
 */
public final class CameraEnumeratorState {
    private final Set<String> assignedCameras;
    /** The specs of assigned cameras, where known: version 1 checkpoints hold only their ids. */
    private final Map<String, CameraSpec> assignedSpecs;
    private final List<CameraSplit> unassignedSplits;

    /**
     * @param knownSpecs the spec each assigned camera was handed out with, where known; entries for
     *     cameras not in {@code assignedCameras} are ignored
     */
    public CameraEnumeratorState(
            Set<String> assignedCameras, Map<String, CameraSpec> knownSpecs, List<CameraSplit> unassignedSplits) {
        Map<String, CameraSpec> specs = new HashMap<>(knownSpecs);
        specs.keySet().retainAll(assignedCameras);
        this.assignedCameras = Set.copyOf(assignedCameras);
        this.assignedSpecs = Map.copyOf(specs);
        this.unassignedSplits = List.copyOf(unassignedSplits);
    }

    /** Cameras whose specs are unknown, as version 1 checkpoints hold them. */
    public CameraEnumeratorState(Set<String> assignedCameras, List<CameraSplit> unassignedSplits) {
        this(assignedCameras, Map.of(), unassignedSplits);
    }

    public static CameraEnumeratorState empty() {
        return new CameraEnumeratorState(Set.of(), List.of());
    }

    public Set<String> assignedCameras() {
        return assignedCameras;
    }

    /** Empty when the checkpoint did not record it (version 1). */
    public Optional<CameraSpec> assignedSpec(String cameraId) {
        return Optional.ofNullable(assignedSpecs.get(cameraId));
    }

    public List<CameraSplit> unassignedSplits() {
        return unassignedSplits;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CameraEnumeratorState)) {
            return false;
        }
        CameraEnumeratorState other = (CameraEnumeratorState) o;
        return assignedCameras.equals(other.assignedCameras) && assignedSpecs.equals(other.assignedSpecs)
                && unassignedSplits.equals(other.unassignedSplits);
    }

    @Override
    public int hashCode() {
        return (31 * assignedCameras.hashCode() + assignedSpecs.hashCode()) * 31 + unassignedSplits.hashCode();
    }

    @Override
    public String toString() {
        return "CameraEnumeratorState{assigned=" + assignedCameras + ", unassigned="
                + unassignedSplits.stream().map(CameraSplit::splitId).toList() + "}";
    }
}
