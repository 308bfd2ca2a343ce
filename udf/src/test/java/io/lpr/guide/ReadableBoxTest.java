package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import org.junit.jupiter.api.Test;

class ReadableBoxTest {
    @Test
    void aPlateWideEnoughAndInsideTheFrameMayBeRead() {
        assertThat(ReadableBox.mayBeRead(new Box(900, 500, 948, 512), 1920, 1080, 24)).isTrue();
        assertThat(ReadableBox.mayBeRead(new Box(900, 500, 924, 506), 1920, 1080, 24)).as("24 px, the limit").isTrue();
    }

    /** The bench street's 15x9 px box, scored a plate on every frame, and a box cut by the frame's bottom edge. */
    @Test
    void aTinyBoxOrOneCutByTheFramesEdgeCannot() {
        assertThat(ReadableBox.mayBeRead(new Box(1624, 602, 1639, 611), 1920, 1080, 24)).isFalse();
        assertThat(ReadableBox.mayBeRead(new Box(1637, 1033, 1779, 1080), 1920, 1080, 24)).isFalse();
        assertThat(ReadableBox.mayBeRead(new Box(0, 500, 60, 515), 1920, 1080, 24)).isFalse();
        assertThat(ReadableBox.mayBeRead(new Box(1870, 500, 1920, 515), 1920, 1080, 24)).isFalse();
        assertThat(ReadableBox.mayBeRead(new Box(900, 0.5f, 960, 15), 1920, 1080, 24)).isFalse();
    }
}
