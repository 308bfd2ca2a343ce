package io.lpr.guide;

import io.lpr.detect.Tiler;
import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which tiles of one frame size's full tiling cover a target area. Only the full tiling's own tiles, so a plate is
 * cut and scaled exactly as the full tiling cuts and scales it. Immutable.
 */
final class TileCover {
    private final List<Integer> tileSizes;
    private final boolean wholeFrame;
    private final int width;
    private final int height;
    private final List<Tile> grid;
    private final List<Tile> smallestTiles;

    /** @param tileSizes the tile sizes, smallest first */
    TileCover(int width, int height, List<Integer> tileSizes, float overlap, boolean wholeFrame) {
        this.tileSizes = tileSizes;
        this.wholeFrame = wholeFrame;
        this.width = width;
        this.height = height;
        this.grid = Tiler.fullTiling(width, height, tileSizes, overlap, wholeFrame);
        this.smallestTiles = tileSizes.isEmpty() ? List.of() : Tiler.tiles(width, height, tileSizes.get(0), overlap);
    }

    /** The full tiling, in its order. */
    List<Tile> grid() {
        return grid;
    }

    /**
     * The smallest tile that holds the area whole (of two, the one it lies nearer the centre of), else every tile of
     * the smallest size it touches (a plate inside it lies whole in one of them, as tiles overlap by more than a
     * plate) and, for an area larger than every tile, the whole frame for plates close up.
     */
    List<Tile> cover(Tile area) {
        Tile holder = null;
        for (Tile tile : grid) {
            if (!isWholeFrame(tile) && tile.contains(area) && (holder == null || side(tile) < side(holder)
                    || (side(tile) == side(holder) && offCentre(tile, area) < offCentre(holder, area)))) {
                holder = tile;
            }
        }
        if (holder != null) {
            return List.of(holder);
        }
        List<Tile> tiles = new ArrayList<>();
        for (Tile tile : smallestTiles) {
            if (touches(tile, area)) {
                tiles.add(tile);
            }
        }
        boolean larger = tileSizes.isEmpty() || side(area) > tileSizes.get(tileSizes.size() - 1);
        if (wholeFrame && larger) {
            tiles.add(new Tile(0, 0, width, height));
        }
        return tiles;
    }

    /**
     * A tracked plate's tiles, as the full tiling sees it: of each tile size, the tile that holds the area whole and
     * that it lies nearest the centre of. The full tiling finds a plate in every tile that holds it and keeps the
     * best-scoring box; boxes of one plate from two tile sizes score within a hair of each other (the van of
     * docs/accuracy.md: 0.857 and 0.858) while their crops can read differently, so a plate scanned at one size only
     * could be read from another box than the full tiling's. Of the tiles of one size, the one the plate lies nearest
     * the centre of sees it furthest from the tile's edges, and its box is the one the full tiling keeps. Only the
     * tile of size {@code onlySide} where that is not 0 and one of that size holds the area. Empty when no tile holds
     * the area whole.
     */
    List<Tile> homes(Tile area, int onlySide) {
        if (onlySide > 0) {
            List<Tile> one = homes(area, 0).stream().filter(t -> side(t) == onlySide).toList();
            if (!one.isEmpty()) {
                return one;
            }
        }
        List<Tile> homes = new ArrayList<>();
        for (int size : tileSizes) {
            int side = sideOf(size);
            Tile home = null;
            for (Tile tile : grid) {
                if (!isWholeFrame(tile) && side(tile) == side && tile.contains(area)
                        && (home == null || offCentre(tile, area) < offCentre(home, area))) {
                    home = tile;
                }
            }
            if (home != null && !homes.contains(home)) {
                homes.add(home);
            }
        }
        return homes;
    }

    /** Whether these regions held the box whole in a tile of every size. */
    boolean seenAtEverySize(List<Tile> regions, Box box) {
        for (int size : tileSizes) {
            int side = sideOf(size);
            if (regions.stream().noneMatch(r -> !isWholeFrame(r) && side(r) == side && holds(r, box))) {
                return false;
            }
        }
        return true;
    }

    /** The side of this tile size's tiles in this frame (a frame smaller than the size is one tile of its own). */
    private int sideOf(int size) {
        return Math.min(size, Math.max(width, height));
    }

    private boolean isWholeFrame(Tile region) {
        return region.width() == width && region.height() == height;
    }

    private static boolean touches(Tile a, Tile b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    /** How far the centres of two rectangles lie apart (squared, in pixels). */
    private static long offCentre(Tile a, Tile b) {
        long dx = (2L * a.x() + a.width()) - (2L * b.x() + b.width());
        long dy = (2L * a.y() + a.height()) - (2L * b.y() + b.height());
        return dx * dx + dy * dy;
    }

    static int side(Tile t) {
        return Math.max(t.width(), t.height());
    }

    /** Whether the tile holds the box whole. */
    static boolean holds(Tile tile, Box box) {
        return box.x1 >= tile.x() && box.y1 >= tile.y() && box.x2 <= tile.x() + tile.width()
                && box.y2 <= tile.y() + tile.height();
    }

    /**
     * Adds to {@code regions} up to {@code count} tiles of {@code grid} not yet scanned at {@code time}, those scanned
     * longest ago first ({@code lastScan}, per tile, which it sets to {@code time}); returns how many it added.
     */
    static int addOldest(List<Tile> grid, long[] lastScan, List<Tile> regions, long time, int count) {
        Integer[] order = new Integer[grid.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> lastScan[i]).thenComparingInt(i -> i));
        int added = 0;
        for (int i : order) {
            if (added == count) {
                break;
            }
            if (lastScan[i] != time) {
                regions.add(grid.get(i));
                lastScan[i] = time;
                added++;
            }
        }
        return added;
    }
}
