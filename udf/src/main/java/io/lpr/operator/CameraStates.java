package io.lpr.operator;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * The checkpointed per-camera states of a holder shared by the subtasks of a process (a camera's guide, its sure
 * reads), in union list state: each entry one camera's state, the serializer's bytes with their version. On restore
 * every subtask reads the whole union, so a camera that lands on another subtask or process (a rescale, a new
 * assignment) still finds its state; where a camera appears twice the newer state counts. A restored camera that no
 * subtask of this attempt has seen by the next checkpoint is carried into it by one subtask (chosen by the camera's
 * hash), so its state is not lost. Used by the task thread only.
 *
 * @param <S> one camera's state
 */
final class CameraStates<S> {
    private final SimpleVersionedSerializer<S> serializer;
    private final Function<S, String> cameraOf;
    private final BiPredicate<S, S> isNewer;
    private final ListState<byte[]> state;
    /** The newest restored state of each camera, and its bytes as they were checkpointed. */
    private final Map<String, Restored<S>> restored = new HashMap<>();
    private final Object restoredFrom;
    /** Cameras this subtask was given since it opened. */
    private final Set<String> seen = new HashSet<>();

    private record Restored<S>(S state, byte[] bytes) {}

    /** Reads the union of {@code name} (empty on a fresh start). */
    CameraStates(String name, SimpleVersionedSerializer<S> serializer, Function<S, String> cameraOf,
            BiPredicate<S, S> isNewer, FunctionInitializationContext context, RuntimeContext runtime)
            throws Exception {
        this.serializer = serializer;
        this.cameraOf = cameraOf;
        this.isNewer = isNewer;
        state = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>(name, BytePrimitiveArraySerializer.INSTANCE));
        for (byte[] bytes : state.get()) {
            S s = SimpleVersionedSerialization.readVersionAndDeSerialize(serializer, bytes);
            Restored<S> before = restored.get(cameraOf.apply(s));
            if (before == null || isNewer.test(s, before.state())) {
                restored.put(cameraOf.apply(s), new Restored<>(s, bytes));
            }
        }
        // Names this restore the same in every subtask of the attempt, and differently in the next attempt, even
        // one restoring the same checkpoint (or none: a failure before the first checkpoint).
        restoredFrom = List.of(runtime.getJobInfo().getJobId().toString(),
                context.getRestoredCheckpointId().orElse(-1), runtime.getTaskInfo().getAttemptNumber());
    }

    /** Names the restore, for the holder to install it once per process. */
    Object restoredFrom() {
        return restoredFrom;
    }

    /** The newest restored state of each camera. */
    Collection<S> restored() {
        return restored.values().stream().map(Restored::state).toList();
    }

    /** This subtask was given a camera's input: its state goes into the next checkpoints. */
    void seen(String camera) {
        seen.add(camera);
    }

    /** Writes the state of each camera seen ({@code current}: null where it has none yet) and carries the rest. */
    void snapshot(Function<String, S> current, RuntimeContext runtime) throws Exception {
        state.clear();
        for (String camera : seen) {
            S s = current.apply(camera);
            if (s != null) {
                state.add(SimpleVersionedSerialization.writeVersionAndSerialize(serializer, s));
            }
        }
        int subtasks = runtime.getTaskInfo().getNumberOfParallelSubtasks();
        int subtask = runtime.getTaskInfo().getIndexOfThisSubtask();
        for (Map.Entry<String, Restored<S>> r : restored.entrySet()) {
            String camera = r.getKey();
            if (!seen.contains(camera) && Math.floorMod(camera.hashCode(), subtasks) == subtask) {
                state.add(r.getValue().bytes());
            }
        }
    }
}
