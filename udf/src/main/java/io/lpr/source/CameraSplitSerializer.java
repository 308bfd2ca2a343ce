package io.lpr.source;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Writes splits into checkpoints. Version 1: the camera spec field by field, then the position. */
public final class CameraSplitSerializer implements SimpleVersionedSerializer<CameraSplit> {
    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(CameraSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public CameraSplit deserialize(int version, byte[] serialized) throws IOException {
        return read(version, new DataInputDeserializer(serialized));
    }

    static void write(CameraSplit split, DataOutputView out) throws IOException {
        CameraSpec camera = split.camera();
        out.writeUTF(camera.id());
        out.writeUTF(camera.url());
        out.writeDouble(camera.sampleFps());
        out.writeBoolean(camera.realtime());
        out.writeInt(camera.width());
        out.writeInt(camera.height());
        out.writeBoolean(camera.hasBaseEpochMillis());
        out.writeLong(camera.hasBaseEpochMillis() ? camera.baseEpochMillis() : 0);
        out.writeLong(split.lastEmittedSequence());
    }

    static CameraSplit read(int version, DataInputView in) throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "cannot read a camera split of version " + version + "; this build reads version " + VERSION);
        }
        CameraSpec camera = CameraSpec.of(in.readUTF(), in.readUTF())
                .withSampleFps(in.readDouble())
                .withRealtime(in.readBoolean());
        camera = camera.withSize(in.readInt(), in.readInt());
        boolean hasBase = in.readBoolean();
        long base = in.readLong();
        if (hasBase) {
            camera = camera.withBaseEpochMillis(base);
        }
        return new CameraSplit(camera, in.readLong());
    }
}
