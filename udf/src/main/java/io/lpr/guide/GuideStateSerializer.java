package io.lpr.guide;

import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes a camera guide's state into checkpoints, field by field in {@link GuideState}'s order: the camera, the
 * frames planned, the motion reference (its grey pixels), the tracked plates, the weak boxes, the planner (frame
 * size, per-tile last scans, last time, sweep credit, start scans left) and the recent plans. A later version that adds fields writes them after
 * version 1's and reads version 1 with them at their starting values; a version this build does not know is
 * refused. Version 2 adds the tiles still owed to the start's later looks ({@link PlannerState#startTilesLeft}),
 * none in a version 1 state, whose starts were full scans only. Version 3 adds, per tracked plate, the tile size it
 * is scanned at and its counts of looks ({@link PlateTracks.Track}); a track of an older state is looked at at
 * every size, as it was then.
 */
public final class GuideStateSerializer implements SimpleVersionedSerializer<GuideState> {
    public static final int VERSION = 3;
    /** Far above any real count; a larger one means the bytes are not a guide's state. */
    private static final int MAX_COUNT = 1 << 24;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(GuideState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        out.writeUTF(state.cameraId());
        out.writeLong(state.framesPlanned());
        MotionDetector.Reference motion = state.motion();
        out.writeBoolean(motion != null);
        if (motion != null) {
            out.writeInt(motion.frameWidth());
            out.writeInt(motion.frameHeight());
            out.writeInt(motion.width());
            out.writeInt(motion.height());
            out.write(motion.grey());
        }
        out.writeInt(state.tracks().size());
        for (PlateTracks.Track track : state.tracks()) {
            track.box().writeTo(out);
            out.writeLong(track.time());
            out.writeFloat(track.vx());
            out.writeFloat(track.vy());
        }
        out.writeInt(state.weak().size());
        for (WeakBoxes.Entry entry : state.weak()) {
            entry.box().writeTo(out);
            out.writeLong(entry.time());
            out.writeLong(entry.since());
        }
        PlannerState planner = state.planner();
        out.writeInt(planner.width());
        out.writeInt(planner.height());
        long[] lastScan = planner.lastScan();
        out.writeInt(lastScan.length);
        for (long t : lastScan) {
            out.writeLong(t);
        }
        out.writeLong(planner.lastTime());
        out.writeDouble(planner.sweepCredit());
        out.writeInt(planner.startScansLeft());
        out.writeInt(state.recent().size());
        for (GuideState.Planned planned : state.recent()) {
            out.writeLong(planned.sequence());
            out.writeLong(planned.time());
            out.writeInt(planned.width());
            out.writeInt(planned.height());
            writePlan(planned.plan(), out);
            out.writeBoolean(planned.observed());
        }
        out.writeInt(planner.startTilesLeft());
        for (PlateTracks.Track track : state.tracks()) {
            out.writeInt(track.side());
            out.writeInt(track.sureLooks());
            out.writeInt(track.narrowLooks());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public GuideState deserialize(int version, byte[] serialized) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException("cannot read a camera guide's state of version " + version
                    + "; this build reads versions 1 to " + VERSION);
        }
        try {
            return read(version, new DataInputDeserializer(serialized));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a camera guide's state: " + e.getMessage(), e);
        }
    }

    private static GuideState read(int version, DataInputDeserializer in) throws IOException {
        String cameraId = in.readUTF();
        long framesPlanned = in.readLong();
        MotionDetector.Reference motion = null;
        if (in.readBoolean()) {
            int frameWidth = in.readInt();
            int frameHeight = in.readInt();
            int width = in.readInt();
            int height = in.readInt();
            byte[] grey = new byte[count((long) width * height, in)];
            in.readFully(grey);
            motion = new MotionDetector.Reference(frameWidth, frameHeight, width, height, grey);
        }
        int trackCount = count(in.readInt(), in);
        List<PlateTracks.Track> tracks = new ArrayList<>(trackCount);
        for (int i = 0; i < trackCount; i++) {
            tracks.add(new PlateTracks.Track(Box.readFrom(in), in.readLong(), in.readFloat(), in.readFloat()));
        }
        int weakCount = count(in.readInt(), in);
        List<WeakBoxes.Entry> weak = new ArrayList<>(weakCount);
        for (int i = 0; i < weakCount; i++) {
            weak.add(new WeakBoxes.Entry(Box.readFrom(in), in.readLong(), in.readLong()));
        }
        int width = in.readInt();
        int height = in.readInt();
        long[] lastScan = new long[count(in.readInt(), in)];
        for (int i = 0; i < lastScan.length; i++) {
            lastScan[i] = in.readLong();
        }
        long lastTime = in.readLong();
        double sweepCredit = in.readDouble();
        int startScansLeft = in.readInt();
        int recentCount = count(in.readInt(), in);
        List<GuideState.Planned> recent = new ArrayList<>(recentCount);
        for (int i = 0; i < recentCount; i++) {
            recent.add(new GuideState.Planned(in.readLong(), in.readLong(), in.readInt(), in.readInt(), readPlan(in),
                    in.readBoolean()));
        }
        int startTilesLeft = version >= 2 ? in.readInt() : 0;
        if (version >= 3) {
            for (int i = 0; i < tracks.size(); i++) {
                PlateTracks.Track t = tracks.get(i);
                tracks.set(i, new PlateTracks.Track(t.box(), t.time(), t.vx(), t.vy(), in.readInt(), in.readInt(),
                        in.readInt()));
            }
        }
        PlannerState planner = new PlannerState(width, height, lastScan, lastTime, sweepCredit,
                startScansLeft, startTilesLeft);
        if (in.available() > 0) {
            throw new IOException("camera " + cameraId + "'s guide state has " + in.available()
                    + " bytes more than version " + version + " writes");
        }
        return new GuideState(cameraId, framesPlanned, motion, tracks, weak, planner, recent);
    }

    private static void writePlan(Plan plan, DataOutputSerializer out) throws IOException {
        out.writeInt(plan.regions().size());
        for (Tile region : plan.regions()) {
            out.writeInt(region.x());
            out.writeInt(region.y());
            out.writeInt(region.width());
            out.writeInt(region.height());
        }
        out.writeInt(plan.fromMotion());
        out.writeInt(plan.fromTracks());
        out.writeInt(plan.fromSweep());
        out.writeInt(plan.fromWatch());
    }

    private static Plan readPlan(DataInputDeserializer in) throws IOException {
        int count = count(in.readInt(), in);
        List<Tile> regions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            regions.add(new Tile(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
        }
        return new Plan(regions, in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    private static int count(long count, DataInputDeserializer in) throws IOException {
        if (count < 0 || count > MAX_COUNT || count > in.available()) {
            throw new IOException("not a camera guide's state: a count of " + count + " with " + in.available()
                    + " bytes left");
        }
        return (int) count;
    }
}
