package io.lpr.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void eventIdsAreDeterministicAndDistinguishEveryPart() {
        String id = EventIds.of("cam-1", "B840CK197", 1_714_564_800_000L);
        assertThat(id).matches("[0-9a-f-]{36}").isEqualTo(EventIds.of("cam-1", "B840CK197", 1_714_564_800_000L));
        assertThat(EventIds.of("cam-2", "B840CK197", 1_714_564_800_000L)).isNotEqualTo(id);
        assertThat(EventIds.of("cam-1", "B840CK19", 1_714_564_800_000L)).isNotEqualTo(id);
        assertThat(EventIds.of("cam-1", "B840CK197", 1_714_564_800_001L)).isNotEqualTo(id);
        assertThat(EventIds.of("a", "bc", 0)).isNotEqualTo(EventIds.of("ab", "c", 0));
    }
}
