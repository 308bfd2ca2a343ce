package io.lpr.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.camera.Roi;
import io.lpr.source.enumerator.CameraEnumeratorState;
import io.lpr.source.enumerator.CameraEnumeratorStateSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SerializersTest {
    private final CameraSplit fresh = new CameraSplit(CameraSpec.parse("gate=/videos/gate.mp4"));
    private final CameraSplit read = new CameraSplit(
            CameraSpec.parse("yard-2=/videos/yard 2.mkv").withSampleFps(2.5).withRealtime(true).withSize(0, 0),
            41, 1_700_000_000_123L);

    @Test
    void splitsRoundTrip() throws Exception {
        CameraSplitSerializer serializer = new CameraSplitSerializer();
        for (CameraSplit split : List.of(fresh, read)) {
            CameraSplit copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
            assertThat(copy).isEqualTo(split);
            assertThat(copy.splitId()).isEqualTo(split.camera().id());
        }
    }

    @Test
    void credentialsNeverReachState() throws Exception {
        CameraSplit live = new CameraSplit(CameraSpec.parse("gate=rtsp://admin:Pa55-w0rd@10.0.0.5/stream1?token=t0ken"), 7);
        CameraSplitSerializer serializer = new CameraSplitSerializer();
        byte[] bytes = serializer.serialize(live);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Pa55-w0rd", "t0ken");
        CameraSplit copy = serializer.deserialize(serializer.getVersion(), bytes);
        assertThat(copy.camera().url()).isEqualTo("rtsp://admin:***@10.0.0.5/stream1?token=***");
        assertThat(copy.camera().sameButForMaskedCredentials(live.camera())).isTrue();
        assertThat(copy.lastEmittedSequence()).isEqualTo(7);
    }

    /** Version 3 held the run's start time inside the spec; it is read into the split, with every setting. */
    @Test
    void readsVersionThreeSplitsWithTheirStartTimeInTheSplit() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeUTF("gate");
        out.writeUTF("rtsp://admin:***@10.0.0.5/stream1");
        out.writeDouble(2.5);
        out.writeBoolean(false);
        out.writeInt(1280);
        out.writeInt(720);
        out.writeBoolean(true);
        out.writeLong(1_700_000_000_123L);
        out.writeUTF("UDP");
        out.writeBoolean(true);
        out.writeInt(10);
        out.writeInt(20);
        out.writeInt(640);
        out.writeInt(360);
        out.writeLong(100);
        out.writeLong(2_000);
        out.writeDouble(3);
        out.writeLong(1_500);
        out.writeLong(41);

        CameraSplit split = new CameraSplitSerializer().deserialize(3, out.getCopyOfBuffer());

        CameraSpec expected = CameraSpec.of("gate", "rtsp://admin:***@10.0.0.5/stream1").withSampleFps(2.5)
                .withSize(1280, 720).withTransport(CameraSpec.Transport.UDP).withRoi(Roi.of(10, 20, 640, 360))
                .withReconnect(Reconnect.of(100, 2_000, 3)).withTimeout(Duration.ofMillis(1_500));
        assertThat(split).isEqualTo(new CameraSplit(expected, 41, 1_700_000_000_123L));
        // Written again in version 4, it reads back the same: the start time now travels in the split.
        CameraSplitSerializer serializer = new CameraSplitSerializer();
        assertThat(serializer.deserialize(4, serializer.serialize(split))).isEqualTo(split);
        assertThat(split.baseEpochMillis()).isEqualTo(1_700_000_000_123L);
    }

    /** Version 4 writes the spec's settings by their {@link io.lpr.camera.CameraField} keys. */
    @Test
    void versionFourWritesSettingsByTheirKeys() throws Exception {
        byte[] bytes = new CameraSplitSerializer().serialize(read);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (io.lpr.camera.CameraField field : io.lpr.camera.CameraField.values()) {
            if (field.inSpec()) {
                assertThat(text).contains(field.key());
            }
        }
    }

    @Test
    void enumeratorStateRoundTrips() throws Exception {
        CameraEnumeratorStateSerializer serializer = new CameraEnumeratorStateSerializer();
        for (CameraEnumeratorState state : List.of(
                CameraEnumeratorState.empty(), new CameraEnumeratorState(Set.of("a", "b"), List.of(fresh, read)))) {
            assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
        }
    }

    @Test
    void unknownVersionsAreRefused() throws Exception {
        CameraSplitSerializer serializer = new CameraSplitSerializer();
        byte[] bytes = serializer.serialize(fresh);
        assertThatThrownBy(() -> serializer.deserialize(99, bytes)).hasMessageContaining("version 99");
        assertThatThrownBy(() -> new CameraEnumeratorStateSerializer().deserialize(99, bytes))
                .hasMessageContaining("version 99");
    }
}
