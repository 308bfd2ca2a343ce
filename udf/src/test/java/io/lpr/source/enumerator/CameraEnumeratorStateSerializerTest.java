package io.lpr.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.camera.Roi;
import io.lpr.source.split.CameraSplit;
import io.lpr.source.split.CameraSplitSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CameraEnumeratorStateSerializerTest {
    private final CameraSpec gate = CameraSpec.parse("gate=rtsp://admin:${GATE_PASS}@10.0.0.5/stream1")
            .withSampleFps(5).withTransport(CameraSpec.Transport.UDP).withRoi(Roi.of(10, 20, 640, 360))
            .withReconnect(Reconnect.of(100, 2_000, 3)).withTimeout(Duration.ofMillis(1_500));
    private final CameraSpec yard = CameraSpec.parse("yard=/videos/yard 2.mkv").withRealtime(true).withSize(0, 0);

    @Test
    void stateWithSpecsRoundTrips() throws Exception {
        CameraEnumeratorStateSerializer serializer = new CameraEnumeratorStateSerializer();
        CameraEnumeratorState state = new CameraEnumeratorState(Set.of("gate", "old"), Map.of("gate", gate),
                List.of(new CameraSplit(yard, 41)));
        CameraEnumeratorState copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(copy).isEqualTo(state);
        assertThat(copy.assignedSpec("gate")).contains(gate);
        assertThat(copy.assignedSpec("old")).isEmpty();
        assertThat(copy.unassignedSplits().get(0).lastEmittedSequence()).isEqualTo(41);
    }

    /** Checkpoints written before cameras could change: ids only, splits in split version 1. */
    @Test
    void readsVersionOneCheckpoints() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(2);
        out.writeUTF("a");
        out.writeUTF("b");
        out.writeInt(1);
        out.writeInt(1);
        writeVersionOneSplit(out, "c", "/videos/c.mp4", 2.5, true, 0, 0, 1_234L, 17);

        CameraEnumeratorState state = new CameraEnumeratorStateSerializer().deserialize(1, out.getCopyOfBuffer());

        assertThat(state.assignedCameras()).containsExactlyInAnyOrder("a", "b");
        assertThat(state.assignedSpec("a")).isEmpty();
        CameraSpec c = CameraSpec.of("c", "/videos/c.mp4").withSampleFps(2.5).withRealtime(true).withSize(0, 0);
        // The run's start time was inside the spec then; it is the split's now.
        assertThat(state.unassignedSplits()).containsExactly(new CameraSplit(c, 17, 1_234L));
    }

    @Test
    void readsVersionOneSplits() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        writeVersionOneSplit(out, "gate", "/videos/gate.mp4", 0, false, 1920, 1080, null, -1);

        CameraSplit split = new CameraSplitSerializer().deserialize(1, out.getCopyOfBuffer());

        assertThat(split).isEqualTo(new CameraSplit(CameraSpec.of("gate", "/videos/gate.mp4")));
        assertThat(new CameraSplitSerializer().getVersion()).isEqualTo(4);
    }

    @Test
    void liveSettingsSurviveASplitRoundTrip() throws Exception {
        CameraSplitSerializer serializer = new CameraSplitSerializer();
        CameraSplit split = new CameraSplit(gate, 99);
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split))).isEqualTo(split);
    }

    private static void writeVersionOneSplit(DataOutputSerializer out, String id, String url, double fps,
            boolean realtime, int width, int height, Long base, long lastEmitted) throws Exception {
        out.writeUTF(id);
        out.writeUTF(url);
        out.writeDouble(fps);
        out.writeBoolean(realtime);
        out.writeInt(width);
        out.writeInt(height);
        out.writeBoolean(base != null);
        out.writeLong(base == null ? 0 : base);
        out.writeLong(lastEmitted);
    }
}
