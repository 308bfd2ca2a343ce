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

    @Test
    void runnerUpsAreAReadableList() {
        PlateEvent e = EventStoreContract.event("cam-1", "B840CK197", EventStoreContract.T0, 12);
        e.runnerUps = new String[] {"B840OK197", "B840CK19"};
        e.runnerUpVotes = new int[] {3, 1};
        assertThat(EventFormat.line(e)).endsWith(" also=B840OK197 (3), B840CK19 (1)");
        assertThat(RunnerUps.format(e)).as("the stored form is unchanged").isEqualTo("B840OK197:3,B840CK19:1");
    }

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertThat(TerminalText.escape("a\u001b[2Jb\u0007\r\n\t\\\u202e\u0085")).isEqualTo("a\\x1b[2Jb\\x07\\r\\n\\t\\\\\\u202e\\x85");
        assertThat(TerminalText.escapeKeepingLines("a\nb\u001b")).isEqualTo("a\nb\\x1b");
    }
}
