package io.lpr.recognize;

import io.lpr.event.Box;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes a camera's {@link SureState} into checkpoints, field by field in its order. A later version that adds
 * fields writes them after version 1's; a version this build does not know is refused.
 */
public final class SureStateSerializer implements SimpleVersionedSerializer<SureState> {
    public static final int VERSION = 1;
    /** Far above any real count; a larger one means the bytes are not a camera's sure reads. */
    private static final int MAX_COUNT = 1 << 20;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(SureState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeUTF(state.cameraId());
        out.writeLong(state.decisions());
        out.writeLong(state.nextTrackId());
        out.writeInt(state.tracks().size());
        for (SureState.Track t : state.tracks()) {
            out.writeLong(t.id());
            t.lastBox().writeTo(out);
            out.writeLong(t.lastSeen());
            out.writeLong(t.lastSequence());
            out.writeBoolean(t.text() != null);
            if (t.text() != null) {
                out.writeUTF(t.text());
            }
            out.writeInt(t.streak());
            out.writeInt(t.skipped());
        }
        out.writeInt(state.recent().size());
        for (SureState.Decided d : state.recent()) {
            out.writeLong(d.sequence());
            out.writeLong(d.time());
            d.box().writeTo(out);
            out.writeLong(d.trackId());
            out.writeBoolean(d.skip());
            out.writeBoolean(d.observed());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public SureState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("cannot read a camera's sure reads of version " + version
                    + "; this build reads version " + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        String cameraId = in.readUTF();
        long decisions = in.readLong();
        long nextTrackId = in.readLong();
        int trackCount = count(in.readInt(), in);
        List<SureState.Track> tracks = new ArrayList<>(trackCount);
        for (int i = 0; i < trackCount; i++) {
            tracks.add(new SureState.Track(in.readLong(), Box.readFrom(in), in.readLong(), in.readLong(),
                    in.readBoolean() ? in.readUTF() : null, in.readInt(), in.readInt()));
        }
        int recentCount = count(in.readInt(), in);
        List<SureState.Decided> recent = new ArrayList<>(recentCount);
        for (int i = 0; i < recentCount; i++) {
            recent.add(new SureState.Decided(in.readLong(), in.readLong(), Box.readFrom(in), in.readLong(),
                    in.readBoolean(), in.readBoolean()));
        }
        if (in.available() > 0) {
            throw new IOException("camera " + cameraId + "'s sure reads have " + in.available()
                    + " bytes more than version " + version + " writes");
        }
        return new SureState(cameraId, decisions, nextTrackId, tracks, recent);
    }

    private static int count(int count, DataInputDeserializer in) throws IOException {
        if (count < 0 || count > MAX_COUNT || count > in.available()) {
            throw new IOException("not a camera's sure reads: a count of " + count + " with " + in.available()
                    + " bytes left");
        }
        return count;
    }
}
