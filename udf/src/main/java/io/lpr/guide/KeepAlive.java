package io.lpr.guide;

import io.lpr.detect.Tiler.Tile;
import io.lpr.event.Box;
import java.util.List;

/**
 * Whether a still target (a tracked plate that does not move and has a clear tile size, a watched weak box) may go
 * unscanned in a frame. Where
 * no motion touches it, its pixels are those of the frame its tiles were last scanned in, so the detector would give
 * what it gave then: it is scanned again once its tiles are a keep-alive period old, not on every frame. Motion on it
 * (a car driving up, someone walking past) has it scanned at once. The period is shorter than the track TTL, so a
 * still plate seen again at each look stays tracked; a parked car then costs one look per period instead of one per
 * frame. A target unseen for the track TTL less a period (its look found nothing) is scanned on every frame again,
 * as it was without a keep-alive, so none is forgotten without a look in its last period; and a tile counts as scanned
 * when a larger region held it (the planner's sweep counts so), which this bounds too. Decided from the guide's own
 * state (when each tile was last scanned, when each target was last seen), so a replay decides alike. Stateless.
 */
final class KeepAlive {
    /** A tracked plate counts as still while it would drift less than this share of its width in a period. */
    static final float STILL_SHARE = 0.25f;

    /** Scans every target on every frame. */
    static final KeepAlive NONE = new KeepAlive(0, 0);

    private final long periodMs;
    private final long ttlMs;

    /**
     * @param periodMs how long a still target may go unscanned; 0 scans every target on every frame
     * @param ttlMs how long a tracked plate or weak box is kept unseen (more than the period, or none rests)
     */
    KeepAlive(long periodMs, long ttlMs) {
        this.periodMs = periodMs;
        this.ttlMs = ttlMs;
    }

    /**
     * Whether a tracked plate may rest: it does not move, and it is scanned at one tile size, whose box has won clearly
     * ({@link PlateTracks}). One still scanned at every size may not: its sizes' boxes score within a hair of each
     * other and can read differently (the van of docs/accuracy.md), so which frames are read decides its vote.
     */
    boolean still(PlateTracks.Aim aim) {
        return aim.side() != 0 && still(aim.box(), aim.speed());
    }

    /** Whether a target of this box moving at this speed (px/ms) counts as still: a weak box does not move. */
    boolean still(Box box, float speed) {
        return periodMs > 0 && speed * periodMs <= STILL_SHARE * box.width();
    }

    /**
     * Whether a still target whose region is {@code area}, last seen at {@code seen} (ms), may go unscanned at
     * {@code time}: it was seen within the track TTL less a period, no motion area touches it, and each of the tiles
     * that would scan it ({@code tiles}, of {@code grid}) was scanned within the period ({@code lastScan}, per tile of
     * {@code grid}, ms).
     */
    boolean rests(Tile area, long seen, List<Tile> tiles, List<Tile> motion, List<Tile> grid, long[] lastScan,
            long time) {
        if (periodMs <= 0 || tiles.isEmpty() || time - seen >= ttlMs - periodMs) {
            return false;
        }
        for (Tile m : motion) {
            if (overlaps(m, area)) {
                return false;
            }
        }
        for (Tile tile : tiles) {
            int i = grid.indexOf(tile);
            if (i < 0 || time - lastScan[i] >= periodMs) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(Tile a, Tile b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }
}
