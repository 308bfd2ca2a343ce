package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

    @Test
    void keepsTheBestOfOverlappingBoxesAndSortsByScore() {
        Detection weak = new Detection(new Box(0, 0, 100, 20), 0.6f);
        Detection strong = new Detection(new Box(5, 1, 104, 21), 0.9f);
        Detection elsewhere = new Detection(new Box(300, 300, 360, 315), 0.7f);

        assertThat(Nms.suppress(List.of(weak, elsewhere, strong), 0.45f)).containsExactly(strong, elsewhere);
    }

    @Test
    void keepsBoxesBelowTheIouThreshold() {
        Detection left = new Detection(new Box(0, 0, 100, 20), 0.8f);
        Detection right = new Detection(new Box(70, 0, 170, 20), 0.7f); // IoU 30/170

        assertThat(Nms.suppress(List.of(left, right), 0.45f)).containsExactly(left, right);
    }

    @Test
    void dropsAPlateCutAtATileEdgeInsideTheWholeOne() {
        Detection whole = new Detection(new Box(100, 50, 200, 75), 0.9f);
        Detection cut = new Detection(new Box(100, 50, 140, 75), 0.6f); // IoU 0.4, all of it inside the whole plate

        assertThat(Nms.suppress(List.of(cut, whole), 0.45f)).containsExactly(whole, cut);
        assertThat(Nms.suppress(List.of(cut, whole), 0.45f, 0.7f)).containsExactly(whole);
    }

    @Test
    void keepsTheBetterScoredCutBoxOverALowerScoredWholeOne() {
        // Suppression follows score, so the best-scoring view of the plate survives whichever tile it came from.
        Detection whole = new Detection(new Box(100, 50, 200, 75), 0.6f);
        Detection cut = new Detection(new Box(100, 50, 140, 75), 0.9f);

        assertThat(Nms.suppress(List.of(whole, cut), 0.45f, 0.7f)).containsExactly(cut);
    }

    @Test
    void emptyInEmptyOut() {
        assertThat(Nms.suppress(List.of(), 0.45f, 0.7f)).isEmpty();
    }
}
