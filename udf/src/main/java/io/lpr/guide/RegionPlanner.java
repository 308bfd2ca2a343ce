package io.lpr.guide;

import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses one camera's detector regions per frame among the tiles of the full tiling: those around each motion
 * area and each tracked plate (one tile serving every target it holds), plus a slow sweep over the full tiling so
 * every tile and the whole frame are scanned at least once per sweep period. Weak boxes (below the detector
 * threshold) are watched as tracked plates are, and the sweep visits the tiles holding one it has not looked at
 * since first. A start (the first frame, a changed frame size, a clock that goes back by more than a sweep period:
 * a stream started afresh) is scanned in full, then every tile is looked at again over the next few frames
 * ({@link GuideConfig#START_LOOKS}, {@link GuideConfig#START_SPREAD_FRAMES}); a frame a little older than the last
 * (worker threads overtaking each other) is planned as if it came at the same time. A still target that no motion
 * touches waits for its keep-alive ({@link KeepAlive}). Not thread-safe; one per camera.
 */
public final class RegionPlanner {
    /** Context kept around a tracked plate: its prediction can be off by about a plate width. */
    static final int TRACK_MARGIN = 48;
    /** Context kept around motion: the motion mask is coarse (a few frame pixels per motion pixel). */
    static final int MOTION_MARGIN = 16;

    private final List<Integer> tileSizes;
    private final float overlap;
    private final boolean wholeFrame;
    private final long sweepPeriodMs;
    private final int startLooks;
    private final KeepAlive keepAlive;

    private int width = -1;
    private int height = -1;
    private List<Tile> grid = List.of();
    /** The tiles of {@link #grid} for each target; null before the first frame. */
    private TileCover tileCover;
    private long[] lastScan = new long[0];
    private long lastTime = Long.MIN_VALUE;
    private double sweepCredit;
    /** Full scans, then tiles of the later looks, still owed to the start (state, as the fields above). */
    private int startScansLeft;
    private int startTilesLeft;

    /** A planner whose starts take {@link GuideConfig#START_LOOKS} looks at each tile, with no keep-alive. */
    public RegionPlanner(List<Integer> tileSizes, float overlap, boolean wholeFrame, long sweepPeriodMs) {
        this(tileSizes, overlap, wholeFrame, sweepPeriodMs, GuideConfig.START_LOOKS, KeepAlive.NONE);
    }

    /**
     * @param startLooks times each tile is scanned at a start, the first in one full scan (at least 1)
     * @param keepAlive when a still target no motion touches may go unscanned
     */
    RegionPlanner(List<Integer> tileSizes, float overlap, boolean wholeFrame, long sweepPeriodMs, int startLooks,
            KeepAlive keepAlive) {
        if (startLooks < 1) {
            throw new IllegalArgumentException("a start needs at least one full scan, got " + startLooks);
        }
        this.tileSizes = tileSizes.stream().sorted().toList();
        this.overlap = overlap;
        this.wholeFrame = wholeFrame || tileSizes.isEmpty();
        this.sweepPeriodMs = sweepPeriodMs;
        this.startLooks = startLooks;
        this.keepAlive = keepAlive;
    }

    public PlannerState state() {
        return new PlannerState(width, height, lastScan, lastTime, sweepCredit, startScansLeft, startTilesLeft);
    }

    /**
     * Continues from a state taken by {@link #state()}. A state whose tiles are not this planner's full tiling of
     * its frame size (the tile settings were changed between the runs) is dropped: the next frame is then scanned in
     * full, as a first frame is.
     */
    public void restore(PlannerState state) {
        width = -1;
        height = -1;
        grid = List.of();
        tileCover = null;
        lastScan = new long[0];
        lastTime = Long.MIN_VALUE;
        sweepCredit = 0;
        startScansLeft = 0;
        startTilesLeft = 0;
        if (state.width() < 1 || state.height() < 1) {
            return;
        }
        TileCover restored = new TileCover(state.width(), state.height(), tileSizes, overlap, wholeFrame);
        if (restored.grid().size() != state.lastScan().length) {
            return;
        }
        width = state.width();
        height = state.height();
        tileCover = restored;
        grid = restored.grid();
        lastScan = state.lastScan();
        lastTime = state.lastTime();
        sweepCredit = state.sweepCredit();
        startScansLeft = state.startScansLeft();
        startTilesLeft = state.startTilesLeft();
    }

    /** What kind of target a region was chosen for. */
    private enum Reason { MOTION, TRACK, WATCH }

    /**
     * @param side for a tracked plate, the one tile size to scan it at; 0 for every size
     * @param still whether, untouched by motion, it may wait for its keep-alive ({@link KeepAlive})
     * @param seen when it was last seen (ms), for a tracked plate or a weak box
     */
    private record Target(Tile area, Reason reason, int side, boolean still, long seen) {}

    private record Chosen(Tile region, Reason reason) {}

    /**
     * The regions of a frame taken at {@code time} (ms), given the motion areas and the predicted boxes of tracked
     * plates, both in frame pixels.
     */
    public Plan plan(int frameWidth, int frameHeight, long time, List<Box> motion, List<Box> tracks) {
        return plan(frameWidth, frameHeight, time, motion, tracks, List.of());
    }

    /**
     * The regions of a frame taken at {@code time} (ms), given the motion areas, the predicted boxes of tracked
     * plates and the recent weak boxes, all in frame pixels.
     */
    public Plan plan(int frameWidth, int frameHeight, long time, List<Box> motion, List<Box> tracks,
            List<WeakBoxes.Sighting> weak) {
        return planAims(frameWidth, frameHeight, time, motion,
                tracks.stream().map(box -> new PlateTracks.Aim(box, 0)).toList(), weak);
    }

    /**
     * The regions of a frame taken at {@code time} (ms), given the motion areas, the tracked plates (where each is
     * expected, and at what tile size) and the recent weak boxes, all in frame pixels.
     */
    public Plan planAims(int frameWidth, int frameHeight, long time, List<Box> motion, List<PlateTracks.Aim> tracks,
            List<WeakBoxes.Sighting> weak) {
        if (frameWidth != width || frameHeight != height || lastTime == Long.MIN_VALUE
                || time < lastTime - sweepPeriodMs) {
            start(frameWidth, frameHeight);
        }
        time = Math.max(time, lastTime);
        if (startScansLeft > 0) {
            startScansLeft--;
            return fullScan(time);
        }
        long now = time;
        List<Target> targets = new ArrayList<>();
        motion.forEach(box -> addTarget(targets, box, MOTION_MARGIN, Reason.MOTION, 0, false, now));
        tracks.forEach(aim -> addTarget(targets, aim.box(), TRACK_MARGIN, Reason.TRACK, aim.side(),
                keepAlive.still(aim), aim.seen()));
        weak.forEach(s -> addTarget(targets, s.box(), TRACK_MARGIN, Reason.WATCH, 0, keepAlive.still(s.box(), 0),
                s.time()));
        List<Tile> moved = targets.stream().filter(t -> t.reason() == Reason.MOTION).map(Target::area).toList();
        targets.removeIf(t -> t.still()
                && keepAlive.rests(t.area(), t.seen(), tilesFor(t), moved, grid, lastScan, now));
        // Largest first, so that small targets inside a region already chosen cost nothing.
        targets.sort(Comparator.comparingLong((Target t) -> (long) t.area().width() * t.area().height()).reversed());
        List<Chosen> chosen = new ArrayList<>();
        for (Target target : targets) {
            cover(chosen, target);
        }
        List<Tile> regions = new ArrayList<>();
        int fromMotion = 0;
        int fromTracks = 0;
        int fromWatch = 0;
        for (Chosen c : chosen) {
            if (!regions.contains(c.region())) {
                regions.add(c.region());
                switch (c.reason()) {
                    case MOTION -> fromMotion++;
                    case TRACK -> fromTracks++;
                    case WATCH -> fromWatch++;
                }
            }
        }
        int fromSweep = sweep(regions, time, weak) + startLooks(regions, time);
        lastTime = time;
        return new Plan(regions, fromMotion, fromTracks, fromSweep, fromWatch);
    }

    /** A new stream (or a new frame size): a new grid, and full scans owed. */
    private void start(int frameWidth, int frameHeight) {
        width = frameWidth;
        height = frameHeight;
        tileCover = new TileCover(width, height, tileSizes, overlap, wholeFrame);
        grid = tileCover.grid();
        lastScan = new long[grid.size()];
        lastTime = Long.MIN_VALUE;
        startScansLeft = 1;
        startTilesLeft = (startLooks - 1) * grid.size();
    }

    /**
     * Adds the tiles the start's later looks owe this frame: a share of the full tiling per frame, the tiles scanned
     * longest ago first, so each later look covers every tile in {@link GuideConfig#START_SPREAD_FRAMES} frames.
     */
    private int startLooks(List<Tile> regions, long time) {
        int share = Math.min(startTilesLeft, (grid.size() + GuideConfig.START_SPREAD_FRAMES - 1)
                / GuideConfig.START_SPREAD_FRAMES);
        if (share == 0) {
            return 0;
        }
        int added = TileCover.addOldest(grid, lastScan, regions, time, share);
        startTilesLeft -= share;
        return added;
    }

    private Plan fullScan(long time) {
        Arrays.fill(lastScan, time);
        lastTime = time;
        sweepCredit = 0;
        return new Plan(grid, 0, 0, grid.size());
    }

    private void addTarget(List<Target> targets, Box box, int margin, Reason reason, int side, boolean still,
            long seen) {
        int x1 = clamp((int) Math.floor(box.x1) - margin, width);
        int y1 = clamp((int) Math.floor(box.y1) - margin, height);
        int x2 = clamp((int) Math.ceil(box.x2) + margin, width);
        int y2 = clamp((int) Math.ceil(box.y2) + margin, height);
        if (x2 > x1 && y2 > y1) {
            targets.add(new Target(new Tile(x1, y1, x2 - x1, y2 - y1), reason, side, still, seen));
        }
    }

    /** The tiles that scan a target: a tracked plate's homes ({@link TileCover#homes}), else its area's cover. */
    private List<Tile> tilesFor(Target target) {
        List<Tile> homes = target.reason() == Reason.TRACK ? tileCover.homes(target.area(), target.side()) : List.of();
        return homes.isEmpty() ? tileCover.cover(target.area()) : homes;
    }

    /**
     * Adds the tiles of the full tiling that cover the target ({@link TileCover}): for a tracked plate, a tile of each
     * size, or of its one size ({@link PlateTracks}); for another target none when a chosen one holds it already.
     */
    private void cover(List<Chosen> chosen, Target target) {
        Tile area = target.area();
        List<Tile> tiles = target.reason() == Reason.TRACK ? tileCover.homes(area, target.side()) : List.of();
        if (tiles.isEmpty()) {
            if (chosen.stream().anyMatch(c -> c.region().contains(area))) {
                return;
            }
            tiles = tileCover.cover(area);
        }
        for (Tile tile : tiles) {
            if (chosen.stream().noneMatch(c -> c.region().equals(tile))) {
                chosen.add(new Chosen(tile, target.reason()));
            }
        }
    }

    /**
     * Adds the tiles of the full tiling the sweep owes: it earns {@code tiles * elapsed / period} tiles per frame and
     * spends them first on the tiles that hold a weak box seen since they were last scanned (another tile size may
     * see that plate better), then on the tiles scanned longest ago; any tile a whole period old is scanned now
     * regardless.
     */
    private int sweep(List<Tile> regions, long time, List<WeakBoxes.Sighting> weak) {
        sweepCredit = Math.min(grid.size(), sweepCredit + (double) grid.size() * (time - lastTime) / sweepPeriodMs);
        Integer[] order = new Integer[grid.size()];
        boolean[] weakSince = new boolean[grid.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            Tile tile = grid.get(i);
            if (regions.stream().anyMatch(r -> r.contains(tile))) {
                lastScan[i] = time;
            }
            long scanned = lastScan[i];
            weakSince[i] = weak.stream().anyMatch(s -> s.time() > scanned && TileCover.holds(tile, s.box()));
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> !weakSince[i]).thenComparingLong(i -> lastScan[i])
                .thenComparingInt(i -> i));
        int added = 0;
        for (int i : order) {
            boolean overdue = time - lastScan[i] >= sweepPeriodMs;
            if (lastScan[i] == time || (!overdue && sweepCredit < 1)) {
                continue;
            }
            regions.add(grid.get(i));
            lastScan[i] = time;
            sweepCredit = Math.max(0, sweepCredit - 1);
            added++;
        }
        return added;
    }

    /** Whether these regions held the box whole at every tile size; false before the first frame. */
    boolean seenAtEverySize(List<Tile> regions, Box box) {
        return tileCover != null && tileCover.seenAtEverySize(regions, box);
    }


    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
