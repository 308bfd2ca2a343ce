package io.lpr.source.split;

import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.camera.Roi;
import io.lpr.camera.StreamUrls;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes splits into checkpoints. Version 4: the camera's id and URL with its literal passwords masked
 * ({@link StreamUrls#maskLiterals}: credentials never reach a checkpoint, a savepoint or an RPC; the reader takes
 * the URL with its credentials from the configuration or registry, by camera id), then each {@link CameraField}
 * the spec holds by its key and text form (so a new field needs no change here, and a split without it reads
 * with its default), the reconnect policy and timeout, the position, and the run's start time for the camera.
 * Versions 1 to 3, still read, wrote the spec field by field with the start time inside it; version 1 lacked
 * the live-stream settings (read at their defaults), version 2 wrote the URL unmasked.
 */
public final class CameraSplitSerializer implements SimpleVersionedSerializer<CameraSplit> {
    public static final int VERSION = 4;

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
        out.writeBoolean(split.baseEpochMillis() != null);
        out.writeLong(split.baseEpochMillis() == null ? 0 : split.baseEpochMillis());
    }

    public static CameraSplit read(int version, DataInputView in) throws IOException {
        checkVersion(version);
        if (version < 4) {
            Legacy legacy = readLegacySpec(version, in);
            return new CameraSplit(legacy.camera, in.readLong(), legacy.base);
        }
        CameraSpec camera = readSpec(version, in);
        long sequence = in.readLong();
        boolean hasBase = in.readBoolean();
        long base = in.readLong();
        return new CameraSplit(camera, sequence, hasBase ? base : null);
    }

    /** A camera spec in the layout of split version {@link #VERSION}; the enumerator's state uses it too. */
    public static void writeSpec(CameraSpec camera, DataOutputView out) throws IOException {
        out.writeUTF(camera.id());
        out.writeUTF(StreamUrls.maskLiterals(camera.url()));
        int count = 0;
        for (CameraField field : CameraField.values()) {
            count += field.inSpec() ? 1 : 0;
        }
        out.writeInt(count);
        for (CameraField field : CameraField.values()) {
            if (field.inSpec()) {
                Object value = field.of(camera);
                out.writeUTF(field.key());
                out.writeBoolean(value != null);
                out.writeUTF(value == null ? "" : field.kind().format(value));
            }
        }
        out.writeLong(camera.reconnect().initialDelay().toMillis());
        out.writeLong(camera.reconnect().maxDelay().toMillis());
        out.writeDouble(camera.reconnect().multiplier());
        out.writeLong(camera.timeout().toMillis());
    }

    /** A camera spec as split version {@code version} wrote it; the run's start time of versions 1-3 is dropped. */
    public static CameraSpec readSpec(int version, DataInputView in) throws IOException {
        checkVersion(version);
        if (version < 4) {
            return readLegacySpec(version, in).camera;
        }
        String id = in.readUTF();
        String url = in.readUTF();
        int count = in.readInt();
        Map<CameraField, Object> values = new EnumMap<>(CameraField.class);
        CameraSpec camera;
        try {
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                boolean present = in.readBoolean();
                String text = in.readUTF();
                CameraField field = CameraField.byKey(key).orElseThrow(() -> new IOException(
                        "unknown camera setting '" + key + "' in a camera split of camera " + id));
                if (present) {
                    values.put(field, field.parse(text));
                }
            }
            camera = CameraSpec.of(id, url).with(values);
        } catch (IllegalArgumentException e) {
            throw new IOException("a camera split of camera " + id + " does not read back: " + e.getMessage(), e);
        }
        return camera.withReconnect(Reconnect.of(in.readLong(), in.readLong(), in.readDouble()))
                .withTimeout(Duration.ofMillis(in.readLong()));
    }

    private static void checkVersion(int version) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException("cannot read a camera split of version " + version
                    + "; this build reads versions 1 to " + VERSION);
        }
    }

    /** Versions 1 to 3: the spec field by field, with the run's start time in it. */
    private record Legacy(CameraSpec camera, Long base) {}

    private static Legacy readLegacySpec(int version, DataInputView in) throws IOException {
        CameraSpec camera = CameraSpec.of(in.readUTF(), in.readUTF())
                .withSampleFps(in.readDouble())
                .withRealtime(in.readBoolean());
        camera = camera.withSize(in.readInt(), in.readInt());
        boolean hasBase = in.readBoolean();
        long base = in.readLong();
        Long start = hasBase ? base : null;
        if (version == 1) {
            return new Legacy(camera, start);
        }
        camera = camera.withTransport(transport(in.readUTF()));
        if (in.readBoolean()) {
            camera = camera.withRoi(Roi.of(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
        }
        camera = camera.withReconnect(Reconnect.of(in.readLong(), in.readLong(), in.readDouble()))
                .withTimeout(Duration.ofMillis(in.readLong()));
        return new Legacy(camera, start);
    }

    private static CameraSpec.Transport transport(String name) throws IOException {
        try {
            return CameraSpec.Transport.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown RTSP transport '" + name + "' in a camera split", e);
        }
    }
}
