package io.lpr.source.enumerator;

import io.lpr.camera.CameraSpec;
import io.lpr.source.split.CameraSplit;
import io.lpr.source.split.CameraSplitSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes the enumerator's checkpoint, led by the split format's version so split changes stay
 * readable. Version 2: the split version, the assigned cameras (id, then its spec when known),
 * then the unassigned splits. Version 1, still read: the assigned ids, the split version, the
 * unassigned splits.
 */
public final class CameraEnumeratorStateSerializer implements SimpleVersionedSerializer<CameraEnumeratorState> {
    public static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(CameraEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(CameraSplitSerializer.VERSION);
        out.writeInt(state.assignedCameras().size());
        for (String camera : state.assignedCameras()) {
            out.writeUTF(camera);
            Optional<CameraSpec> spec = state.assignedSpec(camera);
            out.writeBoolean(spec.isPresent());
            if (spec.isPresent()) {
                CameraSplitSerializer.writeSpec(spec.get(), out);
            }
        }
        out.writeInt(state.unassignedSplits().size());
        for (CameraSplit split : state.unassignedSplits()) {
            CameraSplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public CameraEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        if (version == 1) {
            Set<String> assigned = readIds(in);
            int splitVersion = in.readInt();
            return new CameraEnumeratorState(assigned, readSplits(splitVersion, in));
        }
        if (version != VERSION) {
            throw new IOException("cannot read a camera enumerator state of version " + version
                    + "; this build reads versions 1 to " + VERSION);
        }
        int splitVersion = in.readInt();
        int assignedCount = in.readInt();
        Set<String> assigned = new HashSet<>();
        Map<String, CameraSpec> specs = new HashMap<>();
        for (int i = 0; i < assignedCount; i++) {
            String camera = in.readUTF();
            assigned.add(camera);
            if (in.readBoolean()) {
                specs.put(camera, CameraSplitSerializer.readSpec(splitVersion, in));
            }
        }
        return new CameraEnumeratorState(assigned, specs, readSplits(splitVersion, in));
    }

    private static Set<String> readIds(DataInputDeserializer in) throws IOException {
        int count = in.readInt();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(in.readUTF());
        }
        return ids;
    }

    private static List<CameraSplit> readSplits(int splitVersion, DataInputDeserializer in) throws IOException {
        int count = in.readInt();
        List<CameraSplit> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(CameraSplitSerializer.read(splitVersion, in));
        }
        return splits;
    }
}
