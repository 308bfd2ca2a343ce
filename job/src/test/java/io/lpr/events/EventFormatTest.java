package io.lpr.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.PlateEvent;
import org.junit.jupiter.api.Test;

class EventFormatTest {
    @Test
    void formatsOneLinePerEventInUtc() {
        PlateEvent e = EventStoreContract.event("cam-1", "B840CK197", EventStoreContract.T0, 12);
        assertThat(EventFormat.line(e)).isEqualTo(
                "cam-1        B840CK197  2024-05-01T12:00:00Z .. 2024-05-01T12:00:02.400Z  frames=12 votes=11 "
                        + "det=0.90 conf=0.00");
    }
}
