package io.lpr.source.enumerator;

import io.lpr.camera.CameraSpec;
import io.lpr.source.split.CameraSplit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each camera stands with the enumerator: one {@link Assignment} per camera, in one of three states.
 * Pending cameras keep the order they were queued in, so a reader gets them in that order.
 */
final class CameraAssignments {
    /** The enumerator's log: these lines tell what it did with a camera. */
    private static final Logger LOG = LoggerFactory.getLogger(CameraEnumerator.class);

    enum State {
        /** Waiting for its reader ({@link Assignment#owner()}) to register. */
        PENDING,
        /**
         * Handed to a reader: running on {@code owner}, or without one once its file ended or while its reader
         * is away. An ended file stays assigned, so it is not read again.
         */
        ASSIGNED,
        /** Told to stop; its reader has not confirmed yet. {@link Assignment#replacement()} starts then. */
        STOPPING
    }

    /**
     * @param split pending: the split to hand out; assigned: the split as handed out, its spec unknown (null)
     *     after a version 1 restore until its reader reports it
     * @param owner the reader's subtask: the one it waits for, runs on or is stopping on; null for none
     * @param replacement stopping: the camera to start once stopped, or null
     */
    record Assignment(String id, State state, CameraSplit split, Integer owner, CameraSpec replacement) {
        CameraSpec spec() {
            return split == null ? null : split.camera();
        }
    }

    private final Map<String, Assignment> cameras = new LinkedHashMap<>();

    /** The checkpointed cameras: assigned ones (their split, where known) and pending ones, with no reader yet. */
    static CameraAssignments restore(CameraEnumeratorState state) {
        CameraAssignments restored = new CameraAssignments();
        for (String id : state.assignedCameras()) {
            CameraSplit split = state.assignedSpec(id).map(CameraSplit::new).orElse(null);
            restored.cameras.put(id, new Assignment(id, State.ASSIGNED, split, null, null));
        }
        return restored;
    }

    CameraEnumeratorState snapshot() {
        List<String> assigned = new ArrayList<>();
        Map<String, CameraSpec> specs = new LinkedHashMap<>();
        List<Assignment> pending = new ArrayList<>();
        for (Assignment a : cameras.values()) {
            if (a.state() == State.ASSIGNED) {
                assigned.add(a.id());
                if (a.spec() != null) {
                    specs.put(a.id(), a.spec());
                }
            } else if (a.state() == State.PENDING) {
                pending.add(a);
            }
        }
        // By reader, each reader's in the order they were queued.
        pending.sort(Comparator.comparing(Assignment::owner));
        return new CameraEnumeratorState(Set.copyOf(assigned), specs, pending.stream().map(Assignment::split).toList());
    }

    Assignment get(String id) {
        return cameras.get(id);
    }

    boolean is(String id, State state) {
        Assignment a = cameras.get(id);
        return a != null && a.state() == state;
    }

    /** The reader the camera runs or stops on, or null. */
    Integer owner(String id) {
        Assignment a = cameras.get(id);
        return a == null || a.state() == State.PENDING ? null : a.owner();
    }

    /** Queues a split for a reader, after any it already waits for. */
    void pend(CameraSplit split, int subtask) {
        cameras.remove(split.splitId());
        cameras.put(split.splitId(), new Assignment(split.splitId(), State.PENDING, split, subtask, null));
    }

    /** The splits waiting for this reader, in the order queued; they are no longer pending. */
    List<CameraSplit> takePending(int subtask) {
        List<CameraSplit> splits = new ArrayList<>();
        for (Assignment a : List.copyOf(cameras.values())) {
            if (a.state() == State.PENDING && a.owner() == subtask) {
                cameras.remove(a.id());
                splits.add(a.split());
            }
        }
        return splits;
    }

    void assign(CameraSplit split, int subtask) {
        cameras.put(split.splitId(), new Assignment(split.splitId(), State.ASSIGNED, split, subtask, null));
    }

    void stopping(String id, CameraSpec replacement) {
        Assignment a = cameras.get(id);
        cameras.put(id, new Assignment(id, State.STOPPING, a == null ? null : a.split(),
                a == null ? null : a.owner(), replacement));
    }

    /** Forgets the camera in whatever state it was; returns what it was. */
    Assignment remove(String id) {
        return cameras.remove(id);
    }

    /** The camera no longer runs on {@code subtask}; false when it did not. */
    boolean release(String id, int subtask) {
        Assignment a = cameras.get(id);
        if (a == null || a.state() == State.PENDING || a.owner() == null || a.owner() != subtask) {
            return false;
        }
        cameras.put(id, new Assignment(id, a.state(), a.split(), null, a.replacement()));
        return true;
    }

    /** Cameras running or stopping on this reader. */
    List<String> ownedBy(int subtask) {
        return cameras.values().stream()
                .filter(a -> a.state() != State.PENDING && a.owner() != null && a.owner() == subtask)
                .map(Assignment::id).toList();
    }

    List<Assignment> inState(State state) {
        return cameras.values().stream().filter(a -> a.state() == state).toList();
    }

    /** Changes what every pending camera will start as; a null result drops it. */
    void replacePending(UnaryOperator<CameraSplit> change) {
        for (Assignment a : inState(State.PENDING)) {
            CameraSplit changed = change.apply(a.split());
            if (changed == null) {
                cameras.remove(a.id());
            } else if (changed != a.split()) {
                cameras.put(a.id(), new Assignment(a.id(), State.PENDING, changed, a.owner(), null));
            }
        }
    }

    /** Changes what every stopping camera starts as once stopped (null: nothing). */
    void replaceReplacements(BiFunction<String, CameraSpec, CameraSpec> change) {
        for (Assignment a : inState(State.STOPPING)) {
            cameras.put(a.id(), new Assignment(a.id(), State.STOPPING, a.split(), a.owner(),
                    change.apply(a.id(), a.replacement())));
        }
    }

    /**
     * A split a registering reader reports from its checkpoint, as it should resume; null to drop it.
     *
     * @param desired the registry's cameras at the last good poll, by id; null before the first
     */
    CameraSplit resumable(CameraSplit split, int subtaskId, Set<Integer> registeredReaders,
            Map<String, CameraSpec> desired) {
        String id = split.splitId();
        if (!is(id, State.ASSIGNED)) {
            LOG.info("Reader {} had camera {}, which has stopped since; not resuming it", subtaskId, id);
            return null;
        }
        Integer owner = owner(id);
        if (owner != null && owner != subtaskId && registeredReaders.contains(owner)) {
            LOG.warn("Reader {} had camera {}, which reader {} runs; not resuming it twice", subtaskId, id, owner);
            return null;
        }
        CameraSpec camera = desired == null ? split.camera() : desired.get(id);
        if (camera == null) {
            remove(id);
            LOG.info("Camera {} left the registry while the job was down; not resuming it", id);
            return null;
        }
        if (!CameraChanges.sameCamera(camera, split.camera())) {
            LOG.info("Camera {} changed while the job was down; starting it again with its new settings", id);
            pend(CameraChanges.newSplit(camera), subtaskId);
            return null;
        }
        return split;
    }

    /** The subtask with the fewest running and waiting cameras, the lowest on a tie. */
    int leastLoaded(int parallelism) {
        int[] load = load(parallelism);
        int least = 0;
        for (int subtask = 1; subtask < load.length; subtask++) {
            if (load[subtask] < load[least]) {
                least = subtask;
            }
        }
        return least;
    }

    /** Running, stopping and waiting cameras per subtask: what a new camera's reader is chosen by. */
    private int[] load(int parallelism) {
        int[] load = new int[parallelism];
        for (Assignment a : cameras.values()) {
            if (a.owner() != null && a.owner() < parallelism) {
                load[a.owner()]++;
            }
        }
        return load;
    }
}
