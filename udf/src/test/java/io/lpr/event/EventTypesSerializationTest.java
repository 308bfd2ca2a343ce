package io.lpr.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.dedup.DedupEntry;
import io.lpr.track.PlateTrack;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every type on an arrow or in state is a POJO Flink serializes itself: generic types (Kryo) are refused. */
class EventTypesSerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {Box.class, Frame.class, PlateCandidate.class, PlateRead.class, PlateEvent.class,
            PlateTrack.class, DedupEntry.class, Snapshot.class, io.lpr.journey.JourneyPassage.class,
            io.lpr.journey.Journey.class, PassageRead.class, Alert.class, io.lpr.watch.WatchList.class,
            io.lpr.watch.WatchEntry.class, io.lpr.watch.PassageAlerts.class})
    void isAPojoSerializableWithGenericTypesDisabled(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        // Throws UnsupportedOperationException if any field would fall back to Kryo.
        assertThat(info.createSerializer(config)).isNotNull();
    }

    @Test
    void aPlateReadSurvivesARoundTrip() throws Exception {
        Frame frame = new Frame("gate", 1_700_000_000_000L, 42, 1920, 1080, null);
        PlateCandidate candidate = new PlateCandidate(frame, new Box(1, 2, 3, 4), 0.9f, 2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        PlateRead read = new PlateRead(candidate, "B840CK197", -97.5f);

        PlateRead copy = roundTrip(read, PlateRead.class);

        assertThat(copy).usingRecursiveComparison().isEqualTo(read);
        PlateRead skipped = roundTrip(PlateRead.skipped(candidate), PlateRead.class);
        assertThat(skipped.skipped).isTrue();
        assertThat(skipped.readable()).isFalse();
    }

    @Test
    void aPlateEventKeepsItsRevisionAndFinalFlag() throws Exception {
        PlateEvent event = new PlateEvent();
        event.eventId = "id";
        event.cameraId = "gate";
        event.plateText = "B840CK197";
        event.revision = 3;
        event.isFinal = true;
        event.box = new Box(1, 2, 3, 4);
        event.runnerUps = new String[] {"B840OK197"};
        event.runnerUpVotes = new int[] {2};
        event.snapshot = new Snapshot(new byte[] {(byte) 0xFF, (byte) 0xD8}, 1280, 720, 1920, 1080);

        PlateEvent copy = roundTrip(event, PlateEvent.class);

        assertThat(copy).usingRecursiveComparison().isEqualTo(event);
        assertThat(copy.revision).isEqualTo(3);
        assertThat(copy.isFinal).isTrue();
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }
}
