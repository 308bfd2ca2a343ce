package io.lpr.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.event.Alert;
import io.lpr.event.PassageRead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a watch entry matches, and when a passage raises its alert. */
class WatchEntryTest {
    private static final long T = 1_700_000_000_000L;

    @Test
    void aPlateIsTheWholePlateAPatternUsesTheQueryWildcards() {
        WatchEntry plate = WatchEntry.of("о567ам76", false, null, WatchLevel.ALERT, null);
        assertThat(plate.plate).as("normalised as query --plate").isEqualTo("O567AM76");
        assertThat(plate.matches("O567AM76", "gate", null, T)).isTrue();
        assertThat(plate.matches("O567AM776", "gate", null, T)).as("not a part").isFalse();
        assertThat(plate.matches("0567AM76", "gate", null, T)).as("look-alikes need --near").isFalse();

        WatchEntry pattern = WatchEntry.of("*567AM*", false, null, WatchLevel.INFO, null);
        assertThat(pattern.matches("O567AM776", "gate", null, T)).isTrue();
        assertThat(pattern.matches("O568AM76", "gate", null, T)).isFalse();
        WatchEntry symbols = WatchEntry.of("O???AM76", false, null, WatchLevel.INFO, null);
        assertThat(symbols.matches("O123AM76", "g", null, T)).isTrue();
        assertThat(symbols.matches("A123AM76", "g", null, T)).isFalse();
    }

    @Test
    void nearIsTheRuleOfQueryNear() {
        WatchEntry near = WatchEntry.of("O567AM76", true, "stolen", WatchLevel.ALERT, null);
        assertThat(near.matches("0567AH76", "gate", null, T)).as("look-alikes free").isTrue();
        assertThat(near.matches("O567AM77", "gate", null, T)).as("one edit").isTrue();
        assertThat(near.matches("O561AM77", "gate", null, T)).as("two edits").isFalse();
        assertThatThrownBy(() -> WatchEntry.of("*567*", true, null, WatchLevel.ALERT, null))
                .hasMessageContaining("--near");
    }

    @Test
    void expiryAndCamerasOrGroupsLimitAnEntry() {
        WatchEntry entry = WatchEntry.of("O567AM76", false, null, WatchLevel.ALERT, T + 1_000, "gate", "street");
        assertThat(entry.matches("O567AM76", "gate", null, T)).isTrue();
        assertThat(entry.matches("O567AM76", "cam-7", "street", T)).as("the camera's group").isTrue();
        assertThat(entry.matches("O567AM76", "yard", "site", T)).isFalse();
        assertThat(entry.matches("O567AM76", "gate", null, T + 1_000)).as("expired").isFalse();
        assertThatThrownBy(() -> WatchEntry.of("O5%", false, null, WatchLevel.ALERT, null))
                .hasMessageContaining("letters and digits");
    }

    @Test
    void theFirstConfidentMatchingReadRaisesEachEntryOncePerPassage() {
        AlertMatcher matcher = new AlertMatcher(0.8f, Map.of("cam-7", "street"));
        WatchList list = WatchList.of(List.of(
                WatchEntry.of("O567AM76", true, "stolen", WatchLevel.ALERT, null),
                WatchEntry.of("*AM76", false, null, WatchLevel.INFO, null, "street")));

        AlertMatcher.Result unsure = matcher.decide(read("cam-7", "O567AM76", 0.5f, T), list, null);
        assertThat(unsure.alerts()).as("below the minimum confidence").isEmpty();
        assertThat(unsure.passage()).isNull();

        AlertMatcher.Result first = matcher.decide(read("cam-7", "O567AM76", 0.9f, T + 200), list, null);
        assertThat(first.alerts()).extracting(a -> a.entry + ":" + a.level + ":" + a.confidence)
                .containsExactly("O567AM76:alert:0.9", "*AM76:info:0.9");
        Alert alert = first.alerts().get(0);
        assertThat(alert.alertId).isEqualTo(Alert.idOf("ev-1", "O567AM76"));
        assertThat(alert.note).isEqualTo("stolen");
        assertThat(alert.seenAt).isEqualTo(T + 200);

        AlertMatcher.Result again = matcher.decide(read("cam-7", "0567AM76", 0.95f, T + 400), list, first.passage());
        assertThat(again.alerts()).as("once per passage").isEmpty();
        assertThat(again.passage().lastSeen).isEqualTo(T + 400);

        assertThat(matcher.decide(read("yard", "O567AM76", 0.9f, T), list, null).alerts())
                .extracting(a -> a.entry).as("the pattern is for the street group only").containsExactly("O567AM76");
    }

    static PassageRead read(String camera, String text, float confidence, long time) {
        return new PassageRead("ev-1", camera, text, confidence, time, 1);
    }
}
