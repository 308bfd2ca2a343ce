package io.lpr.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands cameras to source readers, round-robin over the subtasks, pushing each split as soon as
 * its reader registers (readers never ask). A bounded source then tells each reader that no more
 * splits will come, so the job ends when every file has been read.
 *
 * <p>A later camera registry (live cameras coming and going) plugs in here: poll it from
 * {@link #start()} with {@code context.callAsync(registry::poll, this::onDiscovered, 0, interval)}
 * and feed new cameras to {@link #addNewSplits}; the checkpointed assigned ids keep a restored
 * enumerator from handing out a camera twice.
 */
public final class CameraEnumerator implements SplitEnumerator<CameraSplit, CameraEnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(CameraEnumerator.class);

    private final SplitEnumeratorContext<CameraSplit> context;
    private final Boundedness boundedness;
    /** Cameras a reader owns; their progress is in that reader's checkpointed splits. */
    private final Set<String> assigned;
    /** Splits waiting for their reader to register, by owning subtask. */
    private final Map<Integer, List<CameraSplit>> pending = new TreeMap<>();
    private int nextOwner;

    /**
     * @param cameras the configured cameras; those already in {@code restored} (assigned or
     *     waiting) keep their checkpointed progress, the others start from their first frame
     */
    public CameraEnumerator(
            SplitEnumeratorContext<CameraSplit> context,
            Boundedness boundedness,
            List<CameraSpec> cameras,
            CameraEnumeratorState restored) {
        this.context = context;
        this.boundedness = boundedness;
        this.assigned = new HashSet<>(restored.assignedCameras());
        List<CameraSplit> splits = new ArrayList<>(restored.unassignedSplits());
        Set<String> known = new HashSet<>(assigned);
        splits.forEach(split -> known.add(split.splitId()));
        for (CameraSpec camera : cameras) {
            if (!known.contains(camera.id())) {
                splits.add(new CameraSplit(camera));
            }
        }
        addNewSplits(splits);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed on registration; a request has nothing more to get.
    }

    /** Splits of a failed reader go back to the same subtask, which re-registers after restart. */
    @Override
    public void addSplitsBack(List<CameraSplit> splits, int subtaskId) {
        for (CameraSplit split : splits) {
            assigned.remove(split.splitId());
            pending.computeIfAbsent(subtaskId, k -> new ArrayList<>()).add(split);
        }
        assignPending(subtaskId);
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending(subtaskId);
    }

    @Override
    public CameraEnumeratorState snapshotState(long checkpointId) {
        List<CameraSplit> unassigned = new ArrayList<>();
        pending.values().forEach(unassigned::addAll);
        return new CameraEnumeratorState(assigned, unassigned);
    }

    @Override
    public void close() {}

    /** Gives each split an owner, round-robin, and assigns those whose owner is already there. */
    void addNewSplits(List<CameraSplit> splits) {
        int parallelism = context.currentParallelism();
        Set<Integer> owners = new HashSet<>();
        for (CameraSplit split : splits) {
            int owner = nextOwner++ % parallelism;
            pending.computeIfAbsent(owner, k -> new ArrayList<>()).add(split);
            owners.add(owner);
        }
        owners.forEach(this::assignPending);
    }

    private void assignPending(int subtaskId) {
        if (!context.registeredReaders().containsKey(subtaskId)) {
            return;
        }
        List<CameraSplit> splits = pending.remove(subtaskId);
        if (splits != null && !splits.isEmpty()) {
            LOG.info("Assigning cameras {} to reader {}", splits, subtaskId);
            context.assignSplits(new SplitsAssignment<>(Map.of(subtaskId, splits)));
            splits.forEach(split -> assigned.add(split.splitId()));
        }
        if (boundedness == Boundedness.BOUNDED) {
            context.signalNoMoreSplits(subtaskId);
        }
    }
}
