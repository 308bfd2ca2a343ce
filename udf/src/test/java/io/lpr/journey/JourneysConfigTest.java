package io.lpr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.dedup.DedupOptions;
import io.lpr.track.TrackerOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** {@code lpr.journeys}: parsed and checked once, a bad entry refused with one line naming it. */
class JourneysConfigTest {
    private static Configuration journeys(String... entries) {
        Configuration c = new Configuration();
        c.set(JourneysOptions.JOURNEYS, List.of(entries));
        return c;
    }

    @Test
    void parsesNameSidesAndLimit() {
        JourneysConfig config = JourneysConfig.from(journeys("parking=gate-in->gate-out within 12 h",
                " yard = a -> b within 90 s "));
        assertThat(config.journeys()).containsExactly(
                new JourneySpec("parking", "gate-in", "gate-out", Duration.ofHours(12)),
                new JourneySpec("yard", "a", "b", Duration.ofSeconds(90)));
        assertThat(config.journeys().get(0)).hasToString("parking=gate-in->gate-out within 12 h");
        assertThat(config.enabled()).isTrue();
        assertThat(JourneysConfig.from(new Configuration()).enabled()).isFalse();
    }

    @Test
    void theSettleTimeIsHowLateAFinalEventCanBe() {
        Configuration c = journeys("p=a->b within 1 h");
        assertThat(JourneysConfig.from(c).settle()).isEqualTo(Duration.ofMinutes(6)); // 5 min window + 1 min lateness
        c.set(DedupOptions.WINDOW, Duration.ZERO);
        c.set(TrackerOptions.PASSAGE_GAP, Duration.ofSeconds(3));
        assertThat(JourneysConfig.from(c).settle()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aSideMayBeACameraGroup() {
        Configuration c = journeys("site=north->south within 1 h");
        c.set(DedupOptions.CAMERA_GROUPS, List.of("north=n1,n2", "south=s1"));
        JourneysConfig config = JourneysConfig.from(c);
        JourneySpec site = config.journeys().get(0);
        assertThat(site.isEntry("n2", config.groupOfCamera())).isTrue();
        assertThat(site.isEntry("s1", config.groupOfCamera())).isFalse();
        assertThat(site.isExit("s1", config.groupOfCamera())).isTrue();
        assertThat(site.isExit("south", config.groupOfCamera())).isTrue();
    }

    @Test
    void badEntriesAreOneLineNamingThem() {
        assertThatThrownBy(() -> JourneysConfig.from(journeys("parking=gate-in->gate-out")))
                .hasMessage("lpr.journeys entries are NAME=ENTRY->EXIT within LIMIT (e.g. "
                        + "parking=gate-in->gate-out within 12 h), got 'parking=gate-in->gate-out'");
        assertThatThrownBy(() -> JourneysConfig.from(journeys("parking=gate-in->gate-out within soon")))
                .hasMessage("lpr.journeys: parking has a limit 'soon' that is not a duration (12 h, 30 min, 90 s)");
        assertThatThrownBy(() -> JourneysConfig.from(journeys("p=gate->gate within 1 h")))
                .hasMessageContaining("p enters and exits at the same camera (gate)");
        assertThatThrownBy(() -> JourneysConfig.from(journeys("p=->b within 1 h")))
                .hasMessage("lpr.journeys: p has no entry camera");
        assertThatThrownBy(() -> JourneysConfig.from(journeys("p q=a->b within 1 h")))
                .hasMessageContaining("the name 'p q' must be");
        assertThatThrownBy(() -> JourneysConfig.from(journeys("p=a->b within 0 s")))
                .hasMessageContaining("p needs a positive limit");
        assertThatThrownBy(() -> JourneysConfig.from(journeys("p=a->b within 1 h", "p=c->d within 1 h")))
                .hasMessage("lpr.journeys: the name p is used twice");
        Configuration grouped = journeys("p=in->out within 1 h");
        grouped.set(DedupOptions.CAMERA_GROUPS, List.of("site=in,out"));
        assertThatThrownBy(() -> JourneysConfig.from(grouped))
                .hasMessageContaining("p's entry in and exit out are in one lpr.dedup.camera-groups group (site)");
    }
}
