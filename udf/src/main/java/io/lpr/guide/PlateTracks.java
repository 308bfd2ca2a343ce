package io.lpr.guide;

import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * The plates one camera's detector found in its last frames, each with a velocity, so the next frame's regions can
 * be placed where each plate will be. A plate unseen for the TTL is forgotten. Not thread-safe; one per camera.
 *
 * <p>A tracked plate is scanned in a tile of every size, since the full tiling keeps the best of the boxes its tiles
 * give, and boxes of two sizes can score within a hair of each other while they read differently (docs/accuracy.md).
 * Once one size has won clearly ({@link #MARGIN} over every other region) on {@link #SURE_LOOKS} looks in a row at
 * every size, the plate is scanned at that size only, and at every size again after {@link #NARROW_LOOKS} such
 * frames, to see that it still wins. This is decided from the detector's own scores, so a replay decides it alike.
 */
public final class PlateTracks {
    /** Score by which a plate's region must beat every other region's box of it to count as a clear win. */
    static final float MARGIN = 0.05f;
    /** Clear wins of one size in a row, each at every size, after which the plate is scanned at that size only. */
    static final int SURE_LOOKS = 3;
    /** Frames a plate is scanned at its one size before it is looked at at every size again. */
    static final int NARROW_LOOKS = 4;

    /**
     * A plate last seen as {@code box} at {@code time} (ms), moving at (vx, vy) px/ms.
     *
     * @param side the tile size whose box of it won last time it was scanned at every size, 0 where none
     * @param sureLooks clear wins of that size in a row, each seen at every size
     * @param narrowLooks frames since it was last scanned at every size
     */
    public record Track(Box box, long time, float vx, float vy, int side, int sureLooks, int narrowLooks) {
        /** A track as version 2 of the checkpoint wrote it: to be looked at at every size. */
        public Track(Box box, long time, float vx, float vy) {
            this(box, time, vx, vy, 0, 0, 0);
        }

        /** The box moved on to {@code at} (ms) at its velocity (px/ms). */
        Box at(long at) {
            float dt = Math.max(0, at - time);
            return new Box(box.x1 + vx * dt, box.y1 + vy * dt, box.x2 + vx * dt, box.y2 + vy * dt);
        }

        /** The tile size to scan it at, 0 for every size. */
        int scanSide() {
            return sureLooks >= SURE_LOOKS && narrowLooks < NARROW_LOOKS ? side : 0;
        }
    }

    /**
     * Where a tracked plate is expected, the tile size to scan it at (0: every size), its speed (px/ms) and when it was
     * last seen (ms).
     */
    public record Aim(Box box, int side, float speed, long seen) {
        /** A plate taken as still and just seen. */
        public Aim(Box box, int side) {
            this(box, side, 0f, Long.MAX_VALUE);
        }
    }

    /**
     * A plate found in a frame.
     *
     * @param side the tile size of the region whose box of it was kept, 0 where not known
     * @param everySize whether the frame's regions held it at every tile size
     * @param clear whether its region beat every other region's box of it by {@link #MARGIN}
     */
    public record Sighting(Box box, int side, boolean everySize, boolean clear) {}

    private final long ttlMs;
    private final List<Track> tracks = new ArrayList<>();

    public PlateTracks(long ttlMs) {
        this.ttlMs = ttlMs;
    }

    /** Where the tracked plates are expected at {@code time}; drops those unseen for longer than the TTL. */
    public List<Box> predict(long time) {
        return aims(time).stream().map(Aim::box).toList();
    }

    /** Where the tracked plates are expected at {@code time} and at what size; drops those unseen for the TTL. */
    public List<Aim> aims(long time) {
        tracks.removeIf(t -> time - t.time() > ttlMs);
        List<Aim> aims = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            aims.add(new Aim(t.at(time), t.scanSide(), (float) Math.hypot(t.vx(), t.vy()), t.time()));
        }
        return aims;
    }

    /** Takes in plates found at {@code time} whose regions are not known: each is to be looked at at every size. */
    public void observe(List<Box> found, long time) {
        observeSightings(found.stream().map(b -> new Sighting(b, 0, false, false)).toList(), time);
    }

    /** Takes in the plates found in a frame at {@code time}: each continues the track it overlaps, or starts one. */
    public void observeSightings(List<Sighting> found, long time) {
        List<Track> continued = new ArrayList<>();
        for (Sighting sighting : found) {
            Box box = sighting.box();
            Track match = null;
            float best = 0f;
            for (Track t : tracks) {
                float overlap = grown(t.at(time)).iou(grown(box));
                if (overlap > best && !continued.contains(t)) {
                    best = overlap;
                    match = t;
                }
            }
            Track next;
            if (match == null) {
                next = looked(new Track(box, time, 0f, 0f), sighting);
            } else if (time > match.time()) {
                float dt = time - match.time();
                next = looked(new Track(box, time, (centreX(box) - centreX(match.box())) / dt,
                        (centreY(box) - centreY(match.box())) / dt, match.side(), match.sureLooks(),
                        match.narrowLooks()), sighting);
            } else {
                // A frame older than the track's last (worker threads may finish out of order) moves nothing.
                next = match;
            }
            if (match != null) {
                tracks.remove(match);
            }
            tracks.add(next);
            continued.add(next);
        }
    }

    /**
     * What a sighting tells about the size to scan a plate at: seen at every size, a clear win of the size that won
     * before counts one more, anything else starts the count again; seen at one size, one narrow look more.
     */
    private static Track looked(Track t, Sighting s) {
        if (!s.everySize()) {
            return new Track(t.box(), t.time(), t.vx(), t.vy(), t.side(), t.sureLooks(), t.narrowLooks() + 1);
        }
        int sure = !s.clear() || s.side() == 0 ? 0 : s.side() == t.side() ? t.sureLooks() + 1 : 1;
        return new Track(t.box(), t.time(), t.vx(), t.vy(), s.side(), sure, 0);
    }

    /** The tracked plates, in the order they are matched in, for a checkpoint. */
    public List<Track> tracks() {
        List<Track> copy = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            Box b = t.box();
            copy.add(new Track(new Box(b.x1, b.y1, b.x2, b.y2), t.time(), t.vx(), t.vy(), t.side(), t.sureLooks(),
                    t.narrowLooks()));
        }
        return copy;
    }

    /** Continues from tracks taken by {@link #tracks()}. */
    public void restore(List<Track> restored) {
        tracks.clear();
        tracks.addAll(restored);
    }

    /** How many plates are tracked. */
    public int size() {
        return tracks.size();
    }

    /** A box grown by its own size on every side, so a plate that moved by up to a plate width still overlaps. */
    private static Box grown(Box b) {
        float w = b.width();
        float h = Math.max(b.height(), w / 4);
        return new Box(b.x1 - w, b.y1 - h, b.x2 + w, b.y2 + h);
    }

    private static float centreX(Box b) {
        return (b.x1 + b.x2) / 2;
    }

    private static float centreY(Box b) {
        return (b.y1 + b.y2) / 2;
    }
}
