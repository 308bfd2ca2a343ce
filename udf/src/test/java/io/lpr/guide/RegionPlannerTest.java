package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.detect.Tiler;
import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionPlannerTest {
    private static final int W = 1920;
    private static final int H = 1080;
    private static final List<Integer> SIZES = List.of(640, 832);
    private static final long PERIOD = 10_000;
    private static final List<Tile> FULL = Tiler.fullTiling(W, H, SIZES, 0.2f, true);

    private final RegionPlanner planner = new RegionPlanner(SIZES, 0.2f, true, PERIOD);

    @Test
    void theFirstFrameIsScannedInFull() {
        Plan plan = planner.plan(W, H, 0, List.of(), List.of());

        assertThat(plan.regions()).containsExactlyElementsOf(FULL).hasSize(15);
        assertThat(plan.fromSweep()).isEqualTo(15);
        assertThat(plan.pixels()).isEqualTo(8L * 640 * 640 + 6L * 832 * 832 + (long) W * H);
    }

    @Test
    void aStillSceneIsOnlySweptAndEveryTileWithinTheSweepPeriod() {
        Map<Tile, Long> lastScan = new HashMap<>();
        long maxGap = 0;
        int regions = 0;
        int frames = 0;
        for (long t = 0; t <= 60_000; t += 200, frames++) {
            Plan plan = planner.plan(W, H, t, List.of(), List.of());
            regions += plan.regions().size();
            for (Tile tile : plan.regions()) {
                assertThat(FULL).contains(tile);
                Long last = lastScan.put(tile, t);
                if (last != null) {
                    maxGap = Math.max(maxGap, t - last);
                }
            }
            if (t > 0) {
                assertThat(plan.fromSweep()).isEqualTo(plan.regions().size());
            }
        }
        for (Tile tile : FULL) {
            assertThat(60_000 - lastScan.get(tile)).as("%s scanned lately", tile).isLessThanOrEqualTo(PERIOD);
        }
        assertThat(maxGap).isLessThanOrEqualTo(PERIOD);
        // 15 regions on the first frame, then 15 tiles per 10 s: 0.3 per frame at 5 frames/s.
        assertThat(regions - 15).isBetween(15 * 5, 15 * 6 + 1);
        assertThat(frames).isEqualTo(301);
    }

    @Test
    void aMovingCarTakesTheSmallestTileOfTheFullTilingThatHoldsIt() {
        planner.plan(W, H, 0, List.of(), List.of());
        Box car = new Box(700, 500, 1000, 700);

        Plan plan = planner.plan(W, H, 200, List.of(car), List.of());

        List<Tile> motion = plan.regions().subList(0, plan.fromMotion());
        assertThat(plan.fromMotion()).isEqualTo(1);
        assertThat(motion.get(0)).isEqualTo(new Tile(427, 440, 640, 640));
        assertThat(FULL).contains(motion.get(0));
        assertThat(motion.get(0).contains(new Tile(700, 500, 300, 200))).isTrue();
        assertThat(plan.regions()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aTrackedPlateInsideTheMovingCarCostsNoExtraRegion() {
        planner.plan(W, H, 0, List.of(), List.of());

        Plan plan = planner.plan(W, H, 200, List.of(new Box(700, 500, 1000, 700)), List.of(new Box(820, 650, 880, 665)));

        assertThat(plan.fromMotion() + plan.fromTracks()).isEqualTo(1);
    }

    @Test
    void nearbyTargetsMergeAndDistantOnesDoNot() {
        planner.plan(W, H, 0, List.of(), List.of());

        Plan near = planner.plan(W, H, 200, List.of(new Box(100, 100, 300, 200), new Box(400, 300, 550, 400)), List.of());
        assertThat(near.fromMotion()).isEqualTo(1);
        assertThat(near.regions().get(0).contains(new Tile(100, 100, 450, 300))).isTrue();

        Plan far = planner.plan(W, H, 400, List.of(new Box(100, 100, 300, 200), new Box(1500, 800, 1650, 900)), List.of());
        assertThat(far.fromMotion()).isEqualTo(2);
    }

    @Test
    void plateTargetsKeepAMarginForTheirPredictionAndStayInsideTheFrame() {
        planner.plan(W, H, 0, List.of(), List.of());

        Plan plan = planner.plan(W, H, 200, List.of(), List.of(new Box(1880, 1060, 1915, 1075)));

        Tile region = plan.regions().get(0);
        assertThat(plan.fromTracks()).isEqualTo(1);
        assertThat(region).isEqualTo(new Tile(W - 640, H - 640, 640, 640));
    }

    @Test
    void motionLargerThanEveryTileIsTiledWithTheSmallestTilesAndTheWholeFrame() {
        planner.plan(W, H, 0, List.of(), List.of());
        Box huge = new Box(100, 100, 1400, 1000);

        Plan plan = planner.plan(W, H, 200, List.of(huge), List.of());

        assertThat(plan.regions()).contains(new Tile(0, 0, W, H));
        List<Tile> tiles = plan.regions().stream().filter(t -> t.width() == 640).toList();
        assertThat(tiles).hasSizeGreaterThanOrEqualTo(6);
        for (int y = 100; y < 1000; y += 50) {
            for (int x = 100; x < 1400; x += 50) {
                Tile plate = new Tile(Math.min(x, 1400 - 60), Math.min(y, 1000 - 15), 60, 15);
                assertThat(tiles).as("a plate at %d,%d lies whole in a tile", x, y).anyMatch(t -> t.contains(plate));
            }
        }
    }

    @Test
    void aNewFrameSizeOrAClockGoingBackBeyondASweepIsScannedInFull() {
        planner.plan(W, H, 20_000, List.of(), List.of());

        assertThat(planner.plan(W, H, 19_800, List.of(), List.of()).regions()).as("a frame overtaken").isEmpty();
        assertThat(planner.plan(W, H, 5_000, List.of(), List.of()).regions()).hasSize(15);
        assertThat(planner.plan(1280, 720, 5_200, List.of(), List.of()).regions())
                .containsExactlyElementsOf(Tiler.fullTiling(1280, 720, SIZES, 0.2f, true));
    }

    @Test
    void wholeFrameOnlyDetectorsScanTheWholeFrameForAnyTarget() {
        RegionPlanner wholeOnly = new RegionPlanner(List.of(), 0.2f, false, PERIOD);
        wholeOnly.plan(W, H, 0, List.of(), List.of());

        Plan plan = wholeOnly.plan(W, H, 200, List.of(new Box(10, 10, 50, 50)), List.of());

        assertThat(plan.regions()).containsExactly(new Tile(0, 0, W, H));
    }
}
