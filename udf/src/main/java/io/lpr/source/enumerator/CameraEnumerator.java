package io.lpr.source.enumerator;

import static io.lpr.source.enumerator.CameraChanges.ids;
import static io.lpr.source.enumerator.CameraChanges.sameCamera;
import static io.lpr.source.enumerator.CameraChanges.newSplit;

import io.lpr.camera.CameraSpec;
import io.lpr.registry.CameraRegistry;
import io.lpr.source.enumerator.CameraAssignments.Assignment;
import io.lpr.source.enumerator.CameraAssignments.State;
import io.lpr.source.split.CameraSplit;
import io.lpr.source.split.StopCameraEvent;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusBoard;
import io.lpr.status.CameraStatusEvent;
import io.lpr.status.CameraStatusTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cameras the readers run in line with the {@link CameraRegistry}: a camera that appears
 * is handed to the least-loaded reader, one that disappears is stopped ({@link StopCameraEvent}),
 * and one whose settings change is stopped and then started again with them. A dynamic registry
 * is polled every poll interval on the coordinator's worker thread; a fixed list is read once, and
 * when it holds only files, each reader is told that no more cameras will come, so the job ends
 * when they have been read.
 *
 * <p>After a restore, readers hand their checkpointed cameras back on registration (the source
 * supports split reassignment on recovery); a camera the registry no longer has, or has changed,
 * is dropped there instead of being resumed, and one still read elsewhere is never resumed twice.
 * Readers that register before the registry's first read wait for it, so a camera removed while
 * the job was down never runs again, not even briefly.
 *
 * <p>Readers report each camera's state ({@link CameraStatusEvent}): kept on a
 * {@link CameraStatusBoard} and, given a table, written to {@code camera_status} off the
 * coordinator thread.
 */
public final class CameraEnumerator implements SplitEnumerator<CameraSplit, CameraEnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(CameraEnumerator.class);

    private final SplitEnumeratorContext<CameraSplit> context;
    private final CameraRegistry registry;
    private final long pollIntervalMillis;
    private final boolean bounded;
    private final CameraStatusBoard statuses = new CameraStatusBoard();
    private final StatusWriter statusWriter;

    /** Each camera's place: pending for a reader, assigned to one, or stopping. */
    private final CameraAssignments cameras;
    /** The registry's cameras at the last good poll, by id; null before the first. */
    private Map<String, CameraSpec> desired;
    /** Whether the registry has been read once, well or not; until then registering readers wait. */
    private boolean firstPollDone;
    /** Readers that registered before the first poll, so their reported cameras are checked against it. */
    private final Set<Integer> waitingReaders = new HashSet<>();
    private final RegistryReads reads;

    /**
     * @param bounded whether the cameras are a fixed list of files
     * @param statusTable where to write each camera's state; null for nowhere
     * @param restored the checkpoint to go on from, or {@link CameraEnumeratorState#empty()}
     */
    public CameraEnumerator(
            SplitEnumeratorContext<CameraSplit> context,
            CameraRegistry registry,
            long pollIntervalMillis,
            boolean bounded,
            CameraStatusTable statusTable,
            CameraEnumeratorState restored) {
        this.context = context;
        this.registry = registry;
        this.reads = new RegistryReads(registry);
        this.pollIntervalMillis = pollIntervalMillis;
        this.bounded = bounded;
        this.statusWriter = new StatusWriter(context, statuses, statusTable);
        this.cameras = CameraAssignments.restore(restored);
        restored.unassignedSplits().forEach(split -> cameras.pend(split, leastLoaded()));
    }

    @Override
    public void start() {
        if (registry.isDynamic()) {
            context.callAsync(registry::poll, this::polled, 0, pollIntervalMillis);
        } else {
            polled(registry.poll(), null);
        }
        statusWriter.startHeartbeat();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed on registration and discovery; a request has nothing more to get.
    }

    /** Splits a failed reader got since the last checkpoint: they wait for it to register again. */
    @Override
    public void addSplitsBack(List<CameraSplit> splits, int subtaskId) {
        for (CameraSplit split : splits) {
            String id = split.splitId();
            boolean wasStopping = cameras.is(id, State.STOPPING);
            if (cameras.release(id, subtaskId) && wasStopping) {
                stopped(id);
            } else if (cameras.is(id, State.ASSIGNED)) {
                cameras.remove(id);
                CameraSpec wanted = desired == null ? split.camera() : desired.get(id);
                if (wanted != null) {
                    CameraSplit back = sameCamera(wanted, split.camera()) ? split : newSplit(wanted);
                    cameras.pend(back, subtaskId);
                }
            }
        }
    }

    @Override
    public void addReader(int subtaskId) {
        if (!firstPollDone) {
            waitingReaders.add(subtaskId);
            return;
        }
        ReaderInfo reader = context.registeredReaders().get(subtaskId);
        List<CameraSplit> reported = reader == null ? List.of() : reader.getReportedSplitsOnRegistration();
        // Whatever this reader ran before it came back and does not report is not running any more.
        Set<String> lost = new HashSet<>(cameras.ownedBy(subtaskId));
        List<CameraSplit> resumed = new ArrayList<>();
        for (CameraSplit split : reported) {
            lost.remove(split.splitId());
            CameraSplit kept = cameras.resumable(split, subtaskId, context.registeredReaders().keySet(), desired);
            if (kept != null) {
                resumed.add(kept);
                cameras.assign(kept, subtaskId);
            }
        }
        for (String id : lost) {
            boolean wasStopping = cameras.is(id, State.STOPPING);
            cameras.release(id, subtaskId);
            if (wasStopping) {
                stopped(id);
            }
        }
        if (!resumed.isEmpty()) {
            LOG.info("Reader {} resumes cameras {}", subtaskId, ids(resumed));
            context.assignSplits(new SplitsAssignment<>(Map.of(subtaskId, resumed)));
        }
        assignPending(subtaskId);
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (!(event instanceof CameraStatusEvent)) {
            LOG.warn("Ignoring an unknown event from reader {}: {}", subtaskId, event);
            return;
        }
        CameraStatusEvent status = (CameraStatusEvent) event;
        statuses.update(status, System.currentTimeMillis());
        statusWriter.write();
        String id = status.cameraId();
        boolean wasStopping = cameras.is(id, State.STOPPING);
        if (status.state() == CameraState.FINISHED && cameras.release(id, subtaskId) && wasStopping) {
            stopped(id);
        }
    }

    @Override
    public CameraEnumeratorState snapshotState(long checkpointId) {
        return cameras.snapshot();
    }

    @Override
    public void close() {}

    /** The latest state each reader reported per camera. */
    public CameraStatusBoard statuses() {
        return statuses;
    }

    private void polled(List<CameraSpec> cameras, Throwable error) {
        pollResult(cameras, error);
        if (!firstPollDone) {
            // Now a camera a restored reader reports can be checked against the registry.
            firstPollDone = true;
            List<Integer> waiting = waitingReaders.stream().sorted().toList();
            waitingReaders.clear();
            waiting.stream().filter(context.registeredReaders()::containsKey).forEach(this::addReader);
        }
    }

    private void pollResult(List<CameraSpec> cameras, Throwable error) {
        Map<String, CameraSpec> wanted = reads.wanted(cameras, error, desired);
        if (wanted != null) {
            reconcile(wanted);
            statusWriter.write();
        }
    }

    /** Brings the running cameras in line with {@code wanted}. */
    private void reconcile(Map<String, CameraSpec> wanted) {
        desired = wanted;
        for (Assignment assigned : cameras.inState(State.ASSIGNED)) {
            String id = assigned.id();
            CameraSpec camera = wanted.get(id);
            CameraSpec running = assigned.spec();
            if (camera == null) {
                stop(id, null, "it is no longer in the registry");
            } else if (running != null && !sameCamera(running, camera)) {
                stop(id, camera, "its settings changed");
            }
        }
        cameras.replacePending(split -> {
            CameraSpec camera = wanted.get(split.splitId());
            return camera == null ? null : sameCamera(split.camera(), camera) ? split : newSplit(camera);
        });
        cameras.replaceReplacements((id, next) -> {
            CameraSpec camera = wanted.get(id);
            return camera == null ? null : next != null && sameCamera(next, camera) ? next : camera;
        });
        List<CameraSplit> added = new ArrayList<>();
        for (CameraSpec camera : wanted.values()) {
            if (cameras.get(camera.id()) == null) {
                added.add(newSplit(camera));
            }
        }
        if (!added.isEmpty()) {
            LOG.info("Starting cameras {}", ids(added));
            addNewSplits(added);
        }
    }

    private void stop(String id, CameraSpec replacement, String why) {
        Integer owner = cameras.owner(id);
        if (owner != null && context.registeredReaders().containsKey(owner)) {
            LOG.info("Stopping camera {} on reader {}: {}", id, owner, why);
            cameras.stopping(id, replacement);
            context.sendEventToSourceReader(owner, new StopCameraEvent(id));
        } else {
            // Not running (a file that ended, or its reader is away and drops it when it is back).
            cameras.remove(id);
            LOG.info("Camera {} stops: {}", id, why);
            if (replacement != null) {
                addNewSplits(List.of(newSplit(replacement)));
            }
        }
    }

    /** The camera's reader has let it go: start its replacement, if any. */
    private void stopped(String id) {
        CameraSpec replacement = cameras.remove(id).replacement();
        LOG.info("Camera {} stopped{}", id, replacement == null ? "" : "; starting it again with its new settings");
        if (replacement != null) {
            addNewSplits(List.of(newSplit(replacement)));
        }
    }

    /** Gives each split to the least-loaded reader, and assigns those whose reader is there already. */
    private void addNewSplits(List<CameraSplit> splits) {
        Set<Integer> owners = new TreeSet<>();
        for (CameraSplit split : splits) {
            int owner = leastLoaded();
            cameras.pend(split, owner);
            owners.add(owner);
        }
        owners.forEach(this::assignPending);
    }

    /** The subtask with the fewest running and waiting cameras, the lowest on a tie. */
    private int leastLoaded() {
        return cameras.leastLoaded(context.currentParallelism());
    }

    private void assignPending(int subtaskId) {
        if (!context.registeredReaders().containsKey(subtaskId) || waitingReaders.contains(subtaskId)) {
            return;
        }
        List<CameraSplit> splits = cameras.takePending(subtaskId);
        if (!splits.isEmpty()) {
            LOG.info("Assigning cameras {} to reader {}", ids(splits), subtaskId);
            context.assignSplits(new SplitsAssignment<>(Map.of(subtaskId, splits)));
            splits.forEach(split -> cameras.assign(split, subtaskId));
        }
        if (bounded) {
            context.signalNoMoreSplits(subtaskId);
        }
    }
}
