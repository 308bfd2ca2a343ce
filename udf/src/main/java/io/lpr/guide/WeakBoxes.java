package io.lpr.guide;

import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * The weak boxes one camera's detector saw lately: below the detector confidence, so no plate candidates, but a
 * plate near the threshold scores on either side of it from frame to frame and from tile to tile. A weak box is
 * watched (its region re-examined every frame, as a tracked plate's) while it is seen again within the TTL, for at
 * most the watch time from when it was first seen; a plate found on it is tracked from then on, and it starts afresh
 * when weak again. One still weak after its watch is junk as far as the detector can tell (a grille, a sign,
 * lettering): it rests as long before it is watched again, so the street's junk costs half its frames, not all.
 * Not thread-safe; one per camera.
 */
public final class WeakBoxes {
    /** A watched weak box and when it was last seen (ms). */
    public record Sighting(Box box, long time) {}

    /** A weak box: where and when last seen, and since when it has been weak there (its watch began). */
    public record Entry(Box box, long time, long since) {}

    private final long ttlMs;
    private final long watchMs;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * @param ttlMs a weak box unseen this long is forgotten
     * @param watchMs how long a weak box is watched from when it was first seen, and how long it then rests
     */
    public WeakBoxes(long ttlMs, long watchMs) {
        this.ttlMs = ttlMs;
        this.watchMs = watchMs;
    }

    /** The weak boxes to watch at {@code time}: seen within the TTL, and inside their watch. Forgets old ones. */
    public List<Sighting> recent(long time) {
        entries.removeIf(e -> time - e.time() > ttlMs);
        List<Sighting> watched = new ArrayList<>();
        for (Entry e : entries) {
            if (time - e.since() <= watchMs) {
                watched.add(new Sighting(e.box(), e.time()));
            }
        }
        return watched;
    }

    /**
     * Takes in a frame at {@code time}: its plates end the weak boxes they overlap (tracked now), and each weak box
     * replaces those it overlaps (the same thing seen again, perhaps a little moved) and keeps their watch's start,
     * unless that watch and its rest are over. A frame older than an entry it overlaps (worker threads finishing out
     * of order) keeps the newer time.
     */
    public void observe(List<Box> weak, List<Box> plates, long time) {
        for (Box plate : plates) {
            entries.removeIf(e -> touches(grown(e.box()), plate));
        }
        for (Box box : weak) {
            long latest = time;
            long since = time;
            for (int i = entries.size() - 1; i >= 0; i--) {
                Entry e = entries.get(i);
                if (touches(grown(e.box()), box)) {
                    latest = Math.max(latest, e.time());
                    since = Math.min(since, e.since());
                    entries.remove(i);
                }
            }
            if (time - since > 2 * watchMs) {
                since = time;
            }
            entries.add(new Entry(box, latest, since));
        }
    }

    /** The weak boxes remembered, watched or resting, for a checkpoint. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Continues from {@link #entries()}. */
    public void restore(List<Entry> restored) {
        entries.clear();
        entries.addAll(restored);
    }

    /** How many weak boxes are remembered, watched or resting. */
    public int size() {
        return entries.size();
    }

    /** A box grown by half its size on every side, so a plate that crept a little is the same weak box. */
    private static Box grown(Box b) {
        float w = b.width() / 2;
        float h = Math.max(b.height(), b.width() / 4) / 2;
        return new Box(b.x1 - w, b.y1 - h, b.x2 + w, b.y2 + h);
    }

    private static boolean touches(Box a, Box b) {
        return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    }
}
