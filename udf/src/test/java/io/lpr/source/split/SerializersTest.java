package io.lpr.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraSpec;
import io.lpr.source.enumerator.CameraEnumeratorState;
import io.lpr.source.enumerator.CameraEnumeratorStateSerializer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SerializersTest {
    private final CameraSplit fresh = new CameraSplit(CameraSpec.parse("gate=/videos/gate.mp4"));
    private final CameraSplit read = new CameraSplit(
            CameraSpec.parse("yard-2=/videos/yard 2.mkv").withSampleFps(2.5).withRealtime(true).withSize(0, 0)
                    .withBaseEpochMillis(1_700_000_000_123L),
            41);

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
