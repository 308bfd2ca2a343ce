package io.lpr.source.split;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.camera.Roi;
import io.lpr.camera.StreamUrls;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes splits into checkpoints: the camera spec field by field, then the position. Version 2
 * adds the live-stream settings (transport, region of interest, reconnect policy, timeout) after
 * version 1's fields; version 1 splits are still read, with those settings at their defaults.
 * Version 3 has version 2's layout but writes the URL with its literal passwords masked ({@link StreamUrls#maskLiterals}):
 * credentials never reach a checkpoint, a savepoint or an RPC; the reader takes the URL with its
 * credentials from the cameras' configuration or registry, by camera id, when the camera opens.
 */
public final class CameraSplitSerializer implements SimpleVersionedSerializer<CameraSplit> {
    public static final int VERSION = 3;

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

    public static void write(CameraSplit split, DataOutputView out) throws IOException {
        writeSpec(split.camera(), out);
        out.writeLong(split.lastEmittedSequence());
    }

    public static CameraSplit read(int version, DataInputView in) throws IOException {
        return new CameraSplit(readSpec(version, in), in.readLong());
    }

    /** A camera spec in the layout of split version {@link #VERSION}; the enumerator's state uses it too. */
    public static void writeSpec(CameraSpec camera, DataOutputView out) throws IOException {
        out.writeUTF(camera.id());
        out.writeUTF(StreamUrls.maskLiterals(camera.url()));
        out.writeDouble(camera.sampleFps());
        out.writeBoolean(camera.realtime());
        out.writeInt(camera.width());
        out.writeInt(camera.height());
        out.writeBoolean(camera.hasBaseEpochMillis());
        out.writeLong(camera.hasBaseEpochMillis() ? camera.baseEpochMillis() : 0);
        out.writeUTF(camera.transport().name());
        Roi roi = camera.roi();
        out.writeBoolean(roi != null);
        if (roi != null) {
            out.writeInt(roi.x());
            out.writeInt(roi.y());
            out.writeInt(roi.width());
            out.writeInt(roi.height());
        }
        out.writeLong(camera.reconnect().initialDelay().toMillis());
        out.writeLong(camera.reconnect().maxDelay().toMillis());
        out.writeDouble(camera.reconnect().multiplier());
        out.writeLong(camera.timeoutMillis());
    }

    public static CameraSpec readSpec(int version, DataInputView in) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException("cannot read a camera split of version " + version
                    + "; this build reads versions 1 to " + VERSION);
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
        if (version == 1) {
            return camera;
        }
        camera = camera.withTransport(transport(in.readUTF()));
        if (in.readBoolean()) {
            camera = camera.withRoi(Roi.of(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
        }
        return camera.withReconnect(Reconnect.of(in.readLong(), in.readLong(), in.readDouble()))
                .withTimeoutMillis(in.readLong());
    }

    private static CameraSpec.Transport transport(String name) throws IOException {
        try {
            return CameraSpec.Transport.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown RTSP transport '" + name + "' in a camera split", e);
        }
    }
}
