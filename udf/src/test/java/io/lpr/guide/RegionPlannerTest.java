package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.detect.Tiler;
import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.util.ArrayList;
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

    /** One full scan at a start, so each test below is about the frames after it. */
    private final RegionPlanner planner = new RegionPlanner(SIZES, 0.2f, true, PERIOD, 1, KeepAlive.NONE);

    @Test
    void aStartIsScannedInFullThenEveryTileAgainOverTheNextFramesThenGuided() {
        RegionPlanner starting = new RegionPlanner(SIZES, 0.2f, true, PERIOD);
        assertStart(starting, W, H, 0);
        assertThat(starting.plan(W, H, GuideConfig.START_FRAMES * 200L, List.of(), List.of()).regions())
                .hasSizeLessThan(2);
        // A new frame size starts afresh, and so does a clock gone back by more than a sweep period.
        assertStart(starting, 1280, 720, 2_000);
        starting.plan(1280, 720, 30_000, List.of(), List.of());
        assertStart(starting, 1280, 720, 1_000);
        assertThat(starting.plan(1280, 720, 1_000 + GuideConfig.START_FRAMES * 200L, List.of(), List.of()).regions())
                .hasSizeLessThan(2);
        assertThat(GuideConfig.START_LOOKS).isGreaterThan(1);
    }

    /**
     * A start from {@code t0}, one frame every 200 ms: the full tiling in its first frame, then every tile once more
     * over the next frames, an even share in each.
     */
    private static void assertStart(RegionPlanner planner, int width, int height, long t0) {
        List<Tile> full = Tiler.fullTiling(width, height, SIZES, 0.2f, true);
        assertThat(planner.plan(width, height, t0, List.of(), List.of()).regions()).containsExactlyElementsOf(full);
        List<Tile> again = new ArrayList<>();
        for (int frame = 1; frame < GuideConfig.START_FRAMES; frame++) {
            Plan plan = planner.plan(width, height, t0 + frame * 200L, List.of(), List.of());
            assertThat(plan.regions()).as("frame %d", frame)
                    .hasSizeLessThanOrEqualTo((full.size() + GuideConfig.START_SPREAD_FRAMES - 1)
                            / GuideConfig.START_SPREAD_FRAMES);
            again.addAll(plan.regions());
        }
        assertThat(again).containsExactlyInAnyOrderElementsOf(full);
    }

    @Test
    void aWeakBoxIsWatchedEveryFrameAsATrackedPlateIs() {
        planner.plan(W, H, 0, List.of(), List.of());
        Box weak = new Box(1880, 1060, 1915, 1075);

        for (long t = 200; t <= 2_000; t += 200) {
            Plan plan = planner.plan(W, H, t, List.of(), List.of(), List.of(new WeakBoxes.Sighting(weak, t - 200)));

            assertThat(plan.fromWatch()).isEqualTo(1);
            assertThat(plan.fromTracks()).isZero();
            assertThat(plan.regions().get(0)).isEqualTo(new Tile(W - 640, H - 640, 640, 640));
        }
        Plan tracked = planner.plan(W, H, 2_200, List.of(), List.of(weak), List.of(new WeakBoxes.Sighting(weak, 2_000)));
        assertThat(tracked.fromTracks() + tracked.fromWatch()).as("one region of each tile size serves both")
                .isEqualTo(SIZES.size());
    }

    @Test
    void theSweepVisitsTheTilesHoldingANewWeakBoxFirst() {
        planner.plan(W, H, 0, List.of(), List.of());
        // A weak box in the top-left corner: the tiles holding it are the first 640 and 832 tiles and the whole frame.
        Box weak = new Box(100, 100, 160, 115);
        List<Tile> holders = FULL.stream().filter(t -> t.contains(new Tile(100, 100, 60, 15))).toList();
        assertThat(holders).hasSize(3);
        List<Tile> swept = new java.util.ArrayList<>();
        long t = 200;
        // Frames of 200 ms earn 0.3 sweep tiles each: the first 3 sweep tiles come in about 2 s.
        for (; swept.size() < 3; t += 200) {
            Plan plan = planner.plan(W, H, t, List.of(), List.of(), List.of(new WeakBoxes.Sighting(weak, 100)));
            swept.addAll(plan.regions().subList(plan.regions().size() - plan.fromSweep(), plan.regions().size()));
        }
        assertThat(swept).as("the watched tile is scanned every frame; the other two holders come first")
                .containsAll(holders.stream().filter(h -> h.width() != 640).toList());
        assertThat(t).as("the first 3 sweep tiles, after about 2 s").isLessThanOrEqualTo(2_400);
    }

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
    void aTrackedPlateInsideTheMovingCarCostsOnlyTheTileOfTheOtherSize() {
        planner.plan(W, H, 0, List.of(), List.of());

        Plan plan = planner.plan(W, H, 200, List.of(new Box(700, 500, 1000, 700)), List.of(new Box(820, 650, 880, 665)));

        assertThat(plan.fromMotion()).isEqualTo(1);
        assertThat(plan.fromTracks()).isEqualTo(1);
        assertThat(plan.regions()).containsExactly(new Tile(427, 440, 640, 640), new Tile(544, 248, 832, 832));
    }

    /**
     * The full tiling reads a plate from the best-scoring of the boxes its tiles give, and boxes of one plate from the
     * two tile sizes score within a hair of each other (the van of docs/accuracy.md: 0.857 and 0.858), so a tracked
     * plate is scanned in a tile of each size: the one it lies nearest the centre of, whose box beats its neighbours'.
     */
    @Test
    void aTrackedPlateIsScannedInTheTileOfEachSizeItLiesNearestTheCentreOf() {
        planner.plan(W, H, 0, List.of(), List.of());
        Box van = new Box(1418, 920, 1481, 940);

        Plan plan = planner.plan(W, H, 200, List.of(), List.of(van));

        assertThat(plan.fromTracks()).isEqualTo(2);
        // Tile (853, 440) of 640 px holds it too, but with the plate 40 px from its edge.
        assertThat(plan.regions()).containsExactly(new Tile(1280, 440, 640, 640), new Tile(1088, 248, 832, 832));
    }

    /** A plate whose 640 tile's box has won clearly a few times is scanned in that tile only (PlateTracks). */
    @Test
    void aTrackedPlateAimedAtOneSizeIsScannedInThatSizesTileOnly() {
        planner.plan(W, H, 0, List.of(), List.of());
        Box van = new Box(1418, 920, 1481, 940);

        Plan plan = planner.planAims(W, H, 200, List.of(), List.of(new PlateTracks.Aim(van, 640)), List.of());

        assertThat(plan.regions()).containsExactly(new Tile(1280, 440, 640, 640));
        assertThat(planner.seenAtEverySize(plan.regions(), van)).isFalse();
        Plan every = planner.planAims(W, H, 400, List.of(), List.of(new PlateTracks.Aim(van, 0)), List.of());
        assertThat(planner.seenAtEverySize(every.regions(), van)).isTrue();
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

        assertThat(plan.fromTracks()).isEqualTo(2);
        assertThat(plan.regions()).containsExactly(new Tile(W - 640, H - 640, 640, 640),
                new Tile(W - 832, H - 832, 832, 832));
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
        RegionPlanner wholeOnly = new RegionPlanner(List.of(), 0.2f, false, PERIOD, 1, KeepAlive.NONE);
        wholeOnly.plan(W, H, 0, List.of(), List.of());

        Plan plan = wholeOnly.plan(W, H, 200, List.of(new Box(10, 10, 50, 50)), List.of());

        assertThat(plan.regions()).containsExactly(new Tile(0, 0, W, H));
    }
}
