package io.lpr.recognize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.event.Box;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SureStateSerializerTest {
    private final SureStateSerializer serializer = new SureStateSerializer();

    @Test
    void aStateComesBackAsItWasWritten() throws IOException {
        SureState state = new SureState("gate", 42, 7,
                List.of(new SureState.Track(5, new Box(1, 2, 91, 32), 1_250, 5, "A123BC77", 3, 2),
                        new SureState.Track(6, new Box(400, 2, 490, 32), 1_250, 5, null, 0, 0)),
                List.of(new SureState.Decided(5, 1_250, new Box(1, 2, 91, 32), 5, true, true),
                        new SureState.Decided(5, 1_250, new Box(400, 2, 490, 32), 6, false, false)));

        SureState back = serializer.deserialize(SureStateSerializer.VERSION, serializer.serialize(state));

        assertThat(back).usingRecursiveComparison().isEqualTo(state);
        assertThat(back.tracks().get(1).text()).isNull();
    }

    @Test
    void anUnknownVersionIsRefusedWithOneClearMessage() throws IOException {
        byte[] bytes = serializer.serialize(new SureState("gate", 0, 0, List.of(), List.of()));
        assertThatThrownBy(() -> serializer.deserialize(2, bytes)).isInstanceOf(IOException.class)
                .hasMessage("cannot read a camera's sure reads of version 2; this build reads version 1");
    }
}
