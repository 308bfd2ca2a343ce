package io.lpr.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void eventIdsAreDeterministicAndDistinguishEveryPart() {
        String id = EventIds.of("cam-1", 1_714_564_800_000L, 0);
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isEqualTo(EventIds.of("cam-1", 1_714_564_800_000L, 0));
        assertThat(EventIds.of("cam-2", 1_714_564_800_000L, 0)).isNotEqualTo(id);
        assertThat(EventIds.of("cam-1", 1_714_564_800_001L, 0)).isNotEqualTo(id);
        assertThat(EventIds.of("cam-1", 1_714_564_800_000L, 1)).as("a second passage starting in the same frame")
                .isNotEqualTo(id);
        assertThat(EventIds.of("cam-1", 1, 23)).isNotEqualTo(EventIds.of("cam-1", 12, 3));
        assertThat(EventIds.of("cam-1", 1, 0)).isNotEqualTo(EventIds.of("cam-", 11, 0));
    }
}
