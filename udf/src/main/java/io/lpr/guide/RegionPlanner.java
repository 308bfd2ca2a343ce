package io.lpr.guide;

import io.lpr.detect.Tiler;
import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses one camera's detector regions per frame: a tile of the model's useful scales (the configured tile sizes)
 * around each motion area and each tracked plate, merged where one tile holds several, plus a slow sweep over the
 * full tiling so every tile and the whole frame are scanned at least once per sweep period. The first frame, a
 * changed frame size and a clock that goes back by more than a sweep period (a stream started afresh) are scanned
 * in full; a frame a little older than the last (worker threads overtaking each other) is planned as if it came at
 * the same time. Not thread-safe; one per camera.
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

    private int width = -1;
    private int height = -1;
    private List<Tile> grid = List.of();
    private long[] lastScan = new long[0];
    private long lastTime = Long.MIN_VALUE;
    private double sweepCredit;

    public RegionPlanner(List<Integer> tileSizes, float overlap, boolean wholeFrame, long sweepPeriodMs) {
        this.tileSizes = tileSizes.stream().sorted().toList();
        this.overlap = overlap;
        this.wholeFrame = wholeFrame || tileSizes.isEmpty();
        this.sweepPeriodMs = sweepPeriodMs;
    }

    /** What kind of target a region was chosen for. */
    private enum Reason { MOTION, TRACK }

    private record Target(Tile area, Reason reason) {}

    private record Chosen(Tile region, Reason reason) {}

    /**
     * The regions of a frame taken at {@code time} (ms), given the motion areas and the predicted boxes of tracked
     * plates, both in frame pixels.
     */
    public Plan plan(int frameWidth, int frameHeight, long time, List<Box> motion, List<Box> tracks) {
        if (frameWidth != width || frameHeight != height || lastTime == Long.MIN_VALUE
                || time < lastTime - sweepPeriodMs) {
            return fullScan(frameWidth, frameHeight, time);
        }
        time = Math.max(time, lastTime);
        List<Target> targets = new ArrayList<>();
        motion.forEach(box -> addTarget(targets, box, MOTION_MARGIN, Reason.MOTION));
        tracks.forEach(box -> addTarget(targets, box, TRACK_MARGIN, Reason.TRACK));
        // Largest first, so that small targets inside a region already chosen cost nothing.
        targets.sort(Comparator.comparingLong((Target t) -> area(t.area())).reversed());
        List<Chosen> chosen = new ArrayList<>();
        for (Target target : targets) {
            cover(chosen, target);
        }
        List<Tile> regions = new ArrayList<>();
        int fromMotion = 0;
        int fromTracks = 0;
        for (Chosen c : chosen) {
            if (!regions.contains(c.region())) {
                regions.add(c.region());
                if (c.reason() == Reason.MOTION) {
                    fromMotion++;
                } else {
                    fromTracks++;
                }
            }
        }
        int fromSweep = sweep(regions, time);
        lastTime = time;
        return new Plan(regions, fromMotion, fromTracks, fromSweep);
    }

    private Plan fullScan(int frameWidth, int frameHeight, long time) {
        width = frameWidth;
        height = frameHeight;
        grid = Tiler.fullTiling(width, height, tileSizes, overlap, wholeFrame);
        lastScan = new long[grid.size()];
        Arrays.fill(lastScan, time);
        lastTime = time;
        sweepCredit = 0;
        return new Plan(grid, 0, 0, grid.size());
    }

    private void addTarget(List<Target> targets, Box box, int margin, Reason reason) {
        int x1 = clamp((int) Math.floor(box.x1) - margin, width);
        int y1 = clamp((int) Math.floor(box.y1) - margin, height);
        int x2 = clamp((int) Math.ceil(box.x2) + margin, width);
        int y2 = clamp((int) Math.ceil(box.y2) + margin, height);
        if (x2 > x1 && y2 > y1) {
            targets.add(new Target(new Tile(x1, y1, x2 - x1, y2 - y1), reason));
        }
    }

    /** Adds what it takes to cover the target: nothing, a grown region it merges into, a new tile, or several. */
    private void cover(List<Chosen> chosen, Target target) {
        Tile area = target.area();
        for (Chosen c : chosen) {
            if (c.region().contains(area)) {
                return;
            }
        }
        int size = tileFor(side(area));
        if (size == 0) {
            coverLarge(chosen, target);
            return;
        }
        for (int i = 0; i < chosen.size(); i++) {
            Tile region = chosen.get(i).region();
            Tile union = union(region, area);
            int merged = tileFor(side(union));
            if (merged != 0 && merged <= Math.max(size, side(region)) && !isWholeFrame(region)) {
                chosen.set(i, new Chosen(square(union, merged), chosen.get(i).reason()));
                return;
            }
        }
        chosen.add(new Chosen(square(area, size), target.reason()));
    }

    /** An area larger than every tile: the smallest tiles over it, and the whole frame for plates close up. */
    private void coverLarge(List<Chosen> chosen, Target target) {
        Tile whole = new Tile(0, 0, width, height);
        if (!tileSizes.isEmpty()) {
            int size = tileSizes.get(0);
            Tile area = square(target.area(), Math.max(size, side(target.area())));
            for (Tile t : Tiler.tiles(area.width(), area.height(), size, overlap)) {
                chosen.add(new Chosen(new Tile(t.x() + area.x(), t.y() + area.y(), t.width(), t.height()),
                        target.reason()));
            }
        }
        if (wholeFrame && chosen.stream().noneMatch(c -> c.region().equals(whole))) {
            chosen.add(new Chosen(whole, target.reason()));
        }
    }

    /**
     * Adds the tiles of the full tiling the sweep owes: it earns {@code tiles * elapsed / period} tiles per frame and
     * spends them on the tiles scanned longest ago, and any tile a whole period old is scanned now regardless.
     */
    private int sweep(List<Tile> regions, long time) {
        sweepCredit = Math.min(grid.size(), sweepCredit + (double) grid.size() * (time - lastTime) / sweepPeriodMs);
        Integer[] order = new Integer[grid.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            Tile tile = grid.get(i);
            if (regions.stream().anyMatch(r -> r.contains(tile))) {
                lastScan[i] = time;
            }
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> lastScan[i]).thenComparingInt(i -> i));
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

    /** The smallest configured tile side that holds {@code side} pixels, 0 when none does. */
    private int tileFor(int side) {
        for (int size : tileSizes) {
            if (side <= size) {
                return size;
            }
        }
        return 0;
    }

    /** A square of {@code size} centred on the area, moved inside the frame and cut to it where the frame is smaller. */
    private Tile square(Tile area, int size) {
        int w = Math.min(size, width);
        int h = Math.min(size, height);
        int x = Math.max(0, Math.min(width - w, area.x() + area.width() / 2 - w / 2));
        int y = Math.max(0, Math.min(height - h, area.y() + area.height() / 2 - h / 2));
        return new Tile(x, y, w, h);
    }

    private boolean isWholeFrame(Tile region) {
        return region.width() == width && region.height() == height;
    }

    private static Tile union(Tile a, Tile b) {
        int x1 = Math.min(a.x(), b.x());
        int y1 = Math.min(a.y(), b.y());
        int x2 = Math.max(a.x() + a.width(), b.x() + b.width());
        int y2 = Math.max(a.y() + a.height(), b.y() + b.height());
        return new Tile(x1, y1, x2 - x1, y2 - y1);
    }

    private static int side(Tile t) {
        return Math.max(t.width(), t.height());
    }

    private static long area(Tile t) {
        return (long) t.width() * t.height();
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
