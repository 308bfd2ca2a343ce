package io.lpr.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes the enumerator's checkpoint. Version 1: the assigned camera ids, then the unassigned
 * splits, preceded by the split format's version so split changes stay readable.
 */
public final class CameraEnumeratorStateSerializer implements SimpleVersionedSerializer<CameraEnumeratorState> {
    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(CameraEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(state.assignedCameras().size());
        for (String camera : state.assignedCameras()) {
            out.writeUTF(camera);
        }
        out.writeInt(CameraSplitSerializer.VERSION);
        out.writeInt(state.unassignedSplits().size());
        for (CameraSplit split : state.unassignedSplits()) {
            CameraSplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public CameraEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("cannot read a camera enumerator state of version " + version
                    + "; this build reads version " + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int assignedCount = in.readInt();
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < assignedCount; i++) {
            assigned.add(in.readUTF());
        }
        int splitVersion = in.readInt();
        int unassignedCount = in.readInt();
        List<CameraSplit> unassigned = new ArrayList<>(unassignedCount);
        for (int i = 0; i < unassignedCount; i++) {
            unassigned.add(CameraSplitSerializer.read(splitVersion, in));
        }
        return new CameraEnumeratorState(assigned, unassigned);
    }
}
