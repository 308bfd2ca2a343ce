package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A still target that no motion touches is scanned once per keep-alive period, not on every frame; motion on it, or
 * a plate that moves, has it scanned at once (frames every 200 ms, 5 per second, as the bench analyses them).
 */
class KeepAliveTest {
    private static final int W = 1920;
    private static final int H = 1080;
    private static final long KEEP_ALIVE = 1_000;
    private static final Box VAN = new Box(1418, 920, 1481, 940);
    /** The van's tile of 640 px, the size it is aimed at (RegionPlannerTest). */
    private static final List<Tile> VAN_TILES = List.of(new Tile(1280, 440, 640, 640));

    private final RegionPlanner planner = new RegionPlanner(List.of(640, 832), 0.2f, true, 10_000, 1,
            new KeepAlive(KEEP_ALIVE, 2_000));

    @Test
    void aStillTrackedPlateIsScannedOncePerKeepAlive() {
        planner.plan(W, H, 0, List.of(), List.of());

        List<Long> scanned = new ArrayList<>();
        long seen = 0;
        for (long t = 200; t <= 3_000; t += 200) {
            List<PlateTracks.Aim> van = List.of(new PlateTracks.Aim(VAN, 640, 0f, seen));
            Plan plan = planner.planAims(W, H, t, List.of(), van, List.of());
            if (plan.regions().containsAll(VAN_TILES)) {
                scanned.add(t);
                seen = t; // found at each look
            }
        }

        // The full scan at 0 looked at it; then once a second, never more than a second apart.
        assertThat(scanned).containsExactly(1_000L, 2_000L, 3_000L);
    }

    @Test
    void aStillPlateNotFoundAtItsLookIsScannedOnEveryFrameUntilItIsForgotten() {
        planner.plan(W, H, 0, List.of(), List.of());
        // Seen at 0 only: from a TTL less a period on (1 s), every frame looks for it, as without a keep-alive.
        List<PlateTracks.Aim> van = List.of(new PlateTracks.Aim(VAN, 640, 0f, 0));
        for (long t = 1_000; t <= 2_000; t += 200) {
            assertThat(planner.planAims(W, H, t, List.of(), van, List.of()).regions()).as("at %d ms", t)
                    .containsAll(VAN_TILES);
        }
    }

    @Test
    void motionOnAStillPlateHasItScannedAtOnce() {
        planner.plan(W, H, 0, List.of(), List.of());
        List<PlateTracks.Aim> van = List.of(new PlateTracks.Aim(VAN, 640, 0f, 0));
        assertThat(planner.planAims(W, H, 200, List.of(), van, List.of()).fromTracks()).isZero();
        assertThat(planner.planAims(W, H, 400, List.of(), van, List.of()).fromTracks()).isZero();

        // A pedestrian passing the van's corner, well outside the motion's own tile.
        Plan plan = planner.planAims(W, H, 600, List.of(new Box(1480, 900, 1520, 960)), van, List.of());

        assertThat(plan.regions()).containsAll(VAN_TILES);
        assertThat(plan.fromTracks()).isPositive();
    }

    @Test
    void aMovingPlateIsScannedOnEveryFrame() {
        planner.plan(W, H, 0, List.of(), List.of());
        // 0.1 px/ms: 100 px in a keep-alive, more than a quarter of its 63 px width.
        for (long t = 200; t <= 1_000; t += 200) {
            Box moved = new Box(VAN.x1 + t / 10f, VAN.y1, VAN.x2 + t / 10f, VAN.y2);
            List<PlateTracks.Aim> aims = List.of(new PlateTracks.Aim(moved, 640, 0.1f, t - 200));
            Plan plan = planner.planAims(W, H, t, List.of(), aims, List.of());
            assertThat(plan.fromTracks()).as("at %d ms", t).isPositive();
        }
    }

    @Test
    void aStillPlateScannedAtEverySizeIsScannedOnEveryFrame() {
        planner.plan(W, H, 0, List.of(), List.of());
        // No size has won clearly: which frames are read decides its vote (the van's C/O knife edge).
        for (long t = 200; t <= 1_000; t += 200) {
            List<PlateTracks.Aim> van = List.of(new PlateTracks.Aim(VAN, 0, 0f, t - 200));
            assertThat(planner.planAims(W, H, t, List.of(), van, List.of()).regions()).as("at %d ms", t)
                    .contains(new Tile(1280, 440, 640, 640), new Tile(1088, 248, 832, 832));
        }
    }

    @Test
    void aWatchedWeakBoxRestsAsAStillPlateDoes() {
        planner.plan(W, H, 0, List.of(), List.of());

        List<Long> watched = new ArrayList<>();
        long seen = 0;
        for (long t = 200; t <= 2_000; t += 200) {
            Plan plan = planner.planAims(W, H, t, List.of(), List.of(), List.of(new WeakBoxes.Sighting(VAN, seen)));
            if (plan.fromWatch() > 0) {
                watched.add(t);
                seen = t;
            }
        }

        assertThat(watched).containsExactly(1_000L, 2_000L);
    }

    @Test
    void noKeepAliveScansAStillPlateOnEveryFrame() {
        RegionPlanner always = new RegionPlanner(List.of(640, 832), 0.2f, true, 10_000, 1, KeepAlive.NONE);
        always.plan(W, H, 0, List.of(), List.of());
        for (long t = 200; t <= 1_000; t += 200) {
            List<PlateTracks.Aim> van = List.of(new PlateTracks.Aim(VAN, 640, 0f, t - 200));
            Plan plan = always.planAims(W, H, t, List.of(), van, List.of());
            assertThat(plan.regions()).as("at %d ms", t).containsAll(VAN_TILES);
        }
    }

    @Test
    void aTrackedPlateTellsItsSpeed() {
        PlateTracks tracks = new PlateTracks(2_000);
        tracks.observe(List.of(VAN), 0);
        tracks.observe(List.of(new Box(VAN.x1 + 20, VAN.y1, VAN.x2 + 20, VAN.y2)), 200);

        assertThat(tracks.aims(400).get(0).speed()).isEqualTo(0.1f);
        assertThat(tracks.aims(400).get(0).seen()).isEqualTo(200);
    }

    @Test
    void aKeepAliveAsLongAsTheTrackTtlIsRefused() {
        GuideConfig config = GuideConfig.DEFAULTS;
        assertThat(config.keepAlive()).isPositive().isLessThan(config.trackTtl());
        assertThatThrownBy(() -> config.withKeepAlive(config.trackTtl()))
                .hasMessageContaining("lpr.guide.keep-alive");
        assertThat(config.withKeepAlive(Duration.ZERO).keepAlive()).isZero();
    }
}
