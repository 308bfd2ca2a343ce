package io.lpr.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.event.PlateEvent;
import io.lpr.event.Snapshot;
import io.lpr.track.EventIds;
import java.util.ArrayList;
import org.apache.flink.configuration.Configuration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded passage sequences of one camera: a parked car's flicker, a barrier wait, a near miss, two cars. */
public class EventDeduplicatorTest {
    private static final long MINUTE = 60_000;
    private final EventDeduplicator dedup = new EventDeduplicator(DedupConfig.DEFAULTS, new ArrayList<>());

    public static PlateEvent passage(String camera, String text, long first, long last, int votes, float confidence) {
        PlateEvent e = new PlateEvent();
        e.cameraId = camera;
        e.plateText = text;
        e.firstSeen = first;
        e.lastSeen = last;
        e.frames = votes;
        e.votes = votes;
        e.confidence = confidence;
        e.cropJpeg = new byte[] {(byte) votes};
        e.snapshot = new Snapshot(new byte[] {(byte) votes}, 1280, 720, 1920, 1080);
        e.eventId = EventIds.of(camera, first, 0);
        e.offsetMs = first;
        e.revision = 1;
        e.isFinal = true;
        return e;
    }

    @Test
    void aParkedCarsFlickeringPassagesAreOneEventUpdatedInPlace() {
        List<PlateEvent> out = new ArrayList<>();
        out.add(dedup.add(passage("yard", "B840CK197", 0, 20_000, 40, 0.8f)));
        out.add(dedup.add(passage("yard", "B840CK197", 26_000, 4 * MINUTE, 300, 0.9f)));
        out.add(dedup.add(passage("yard", "B840OK197", 4 * MINUTE + 5_000, 9 * MINUTE, 200, 0.5f)));
        out.add(dedup.add(passage("yard", "B840CK197", 9 * MINUTE + 4_000, 60 * MINUTE, 2000, 0.85f)));

        assertThat(out).extracting(e -> e.eventId).containsOnly(EventIds.of("yard", 0, 0));
        assertThat(out).extracting(e -> e.revision).as("one more per passage that joined").containsExactly(1, 2, 3, 4);
        assertThat(out).noneMatch(e -> e.isFinal);
        PlateEvent last = out.get(3);
        assertThat(last.plateText).isEqualTo("B840CK197");
        assertThat(last.firstSeen).isZero();
        assertThat(last.offsetMs).as("where the first passage starts in its video").isZero();
        assertThat(last.lastSeen).isEqualTo(60 * MINUTE);
        assertThat(last.frames).isEqualTo(2540);
        assertThat(last.votes).isEqualTo(2340);
        assertThat(last.runnerUps).containsExactly("B840OK197");
        assertThat(last.runnerUpVotes).containsExactly(200);
        assertThat(last.confidence).isEqualTo(0.9f);
        assertThat(last.cropJpeg).containsExactly((byte) 300 & 0xff);
        assertThat(last.snapshot.jpeg).as("the snapshot goes with the crop").containsExactly((byte) 300 & 0xff);
        assertThat(dedup.entries()).hasSize(1);
    }

    @Test
    void aLatePassageThatStartedEarlierMovesTheStartAndItsVideoOffset() {
        dedup.add(passage("gate", "A123BC77", 20_000, 30_000, 5, 0.9f));
        PlateEvent merged = dedup.add(passage("gate", "A123BC77", 5_000, 8_000, 2, 0.8f));
        assertThat(merged.firstSeen).isEqualTo(5_000);
        assertThat(merged.offsetMs).isEqualTo(5_000L);
    }

    @Test
    void theSamePlateAfterTheWindowIsANewEvent() {
        PlateEvent first = dedup.add(passage("gate", "A123BC77", 0, 10_000, 5, 0.9f));
        PlateEvent again = dedup.add(passage("gate", "A123BC77", 10_000 + 5 * MINUTE + 1, 6 * MINUTE, 5, 0.9f));
        assertThat(again.eventId).isNotEqualTo(first.eventId).isEqualTo(EventIds.of("gate", 10_000 + 5 * MINUTE + 1, 0));
        assertThat(again.revision).isEqualTo(1);
    }

    @Test
    void nearMissesMergeButOtherPlatesDoNot() {
        PlateEvent a = dedup.add(passage("gate", "O459OO97", 0, 5_000, 6, 0.9f));
        PlateEvent oneEdit = dedup.add(passage("gate", "O459OO977", 10_000, 12_000, 2, 0.4f));
        PlateEvent lookAlike = dedup.add(passage("gate", "0459O097", 15_000, 16_000, 2, 0.4f));
        PlateEvent second = passage("gate", "K095AE177", 15_000, 20_000, 6, 0.9f);
        second.eventId = EventIds.of("gate", 15_000, 1); // started in the look-alike's frame, right of it
        PlateEvent other = dedup.add(second);

        assertThat(oneEdit.eventId).isEqualTo(a.eventId);
        assertThat(lookAlike.eventId).isEqualTo(a.eventId);
        assertThat(lookAlike.plateText).isEqualTo("O459OO97");
        assertThat(other.eventId).isNotEqualTo(a.eventId);
        assertThat(dedup.entries()).hasSize(2);
    }

    @Test
    void stateIsDroppedOnceTheWindowAndLatenessHavePassedWithAFinalRecord() {
        dedup.add(passage("gate", "A123BC77", 0, 10_000, 5, 0.9f));
        PlateEvent last = dedup.add(passage("gate", "A123BC77", 12_000, 14_000, 3, 0.8f));
        long expiry = 14_000 + 5 * MINUTE + MINUTE;
        assertThat(dedup.nextExpiry()).isEqualTo(expiry);
        assertThat(dedup.expire(expiry - 1)).isEmpty();
        assertThat(dedup.entries()).hasSize(1);

        List<PlateEvent> finals = dedup.expire(expiry);
        assertThat(finals).singleElement().satisfies(f -> {
            assertThat(f.isFinal).isTrue();
            assertThat(f.revision).isEqualTo(3);
            assertThat(f).usingRecursiveComparison().ignoringFields("revision", "isFinal").isEqualTo(last);
        });
        assertThat(last.revision).isEqualTo(2);
        assertThat(last.isFinal).isFalse();
        assertThat(dedup.entries()).isEmpty();
        assertThat(dedup.nextExpiry()).isEqualTo(Long.MAX_VALUE);
    }

    /** State from before revisions were counted holds 0: that event had emitted its revision 1 already. */
    @Test
    void anEntryFromBeforeRevisionsGoesOnFromTwo() {
        dedup.add(passage("gate", "A123BC77", 0, 10_000, 5, 0.9f));
        dedup.entries().get(0).event.revision = 0;
        assertThat(dedup.add(passage("gate", "A123BC77", 12_000, 14_000, 3, 0.8f)).revision).isEqualTo(2);
        dedup.entries().get(0).event.revision = 0;
        assertThat(dedup.expire(Long.MAX_VALUE)).singleElement().satisfies(f -> assertThat(f.revision).isEqualTo(2));
    }

    @Test
    void groupsAndSettingsAreChecked() {
        DedupConfig site = DedupConfig.DEFAULTS.withGroupOfCamera(DedupConfig.groups(List.of("gate=in,out")));
        assertThat(site.keyOf("in")).isEqualTo("gate");
        assertThat(site.keyOf("out")).isEqualTo("gate");
        assertThat(site.keyOf("yard")).isEqualTo("yard");
        assertThatThrownBy(() -> DedupConfig.groups(List.of("gate=in", "site=in")))
                .hasMessageContaining("camera in is in two groups");
        assertThatThrownBy(() -> DedupConfig.groups(List.of("gate")))
                .hasMessageContaining("name=cam1,cam2");
        assertThatThrownBy(() -> DedupConfig.DEFAULTS.withMaxEdits(4)).hasMessageContaining("lpr.dedup.max-edits");
        Configuration settings = new Configuration();
        settings.setString("lpr.dedup.camera-groups", "gate=in,out");
        assertThat(DedupConfig.from(settings).keyOf("out")).isEqualTo("gate");
        settings.setString("lpr.dedup.allowed-lateness", "1 s");
        assertThatThrownBy(() -> DedupConfig.from(settings))
                .hasMessageContaining("lpr.dedup.allowed-lateness");
    }
}
