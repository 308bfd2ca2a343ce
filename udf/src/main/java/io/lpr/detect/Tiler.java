package io.lpr.detect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Overlapping square tiles that cover a frame. Small plates (60x15 px on 1080p CCTV) vanish when a whole frame is
 * shrunk to the detector's input; a tile shrinks them far less.
 */
public final class Tiler {
    private Tiler() {}

    /** A rectangle of the frame, in its pixels. */
    public record Tile(int x, int y, int width, int height) {
        public boolean contains(Tile other) {
            return other.x >= x && other.y >= y
                    && other.x + other.width <= x + width && other.y + other.height <= y + height;
        }
    }

    /**
     * The full tiling of a frame: the tiles of every size, then the whole frame (when asked, or when there are no
     * tiles); a tile equal to another (small frames) appears once.
     */
    public static List<Tile> fullTiling(int width, int height, List<Integer> sizes, float overlap, boolean wholeFrame) {
        Set<Tile> regions = new LinkedHashSet<>();
        for (int size : sizes) {
            regions.addAll(tiles(width, height, size, overlap));
        }
        if (wholeFrame || sizes.isEmpty()) {
            regions.add(new Tile(0, 0, width, height));
        }
        return new ArrayList<>(regions);
    }

    /**
     * Tiles of {@code size} px (cut to the frame where the frame is smaller) covering a {@code width x height} frame,
     * neighbours overlapping by at least {@code overlap} of a tile. Tiles are spread evenly between the two edges, so
     * the last one ends exactly at the frame's edge instead of hanging over it.
     */
    public static List<Tile> tiles(int width, int height, int size, float overlap) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame must not be empty, got " + width + "x" + height);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("tile size must be positive, got " + size);
        }
        if (overlap < 0 || overlap >= 1) {
            throw new IllegalArgumentException("tile overlap must be in [0, 1), got " + overlap);
        }
        int tileWidth = Math.min(size, width);
        int tileHeight = Math.min(size, height);
        int[] xs = starts(width, tileWidth, size * (1 - overlap));
        int[] ys = starts(height, tileHeight, size * (1 - overlap));
        List<Tile> tiles = new ArrayList<>(xs.length * ys.length);
        for (int y : ys) {
            for (int x : xs) {
                tiles.add(new Tile(x, y, tileWidth, tileHeight));
            }
        }
        return tiles;
    }

    private static int[] starts(int length, int tile, float maxStride) {
        int span = length - tile;
        int count = span == 0 ? 1 : (int) Math.ceil(span / Math.max(1f, maxStride)) + 1;
        int[] starts = new int[count];
        for (int i = 1; i < count; i++) {
            starts[i] = Math.round((float) span * i / (count - 1));
        }
        return starts;
    }
}
