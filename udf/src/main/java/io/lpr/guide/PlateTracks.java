package io.lpr.guide;

import io.lpr.event.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * The plates one camera's detector found in its last frames, each with a velocity, so the next frame's regions can
 * be placed where each plate will be. A plate unseen for the TTL is forgotten. Not thread-safe; one per camera.
 */
public final class PlateTracks {
    /** A plate last seen as {@code box} at {@code time} (ms), moving at (vx, vy) px/ms. */
    public record Track(Box box, long time, float vx, float vy) {
        /** The box moved on to {@code at} (ms) at its velocity (px/ms). */
        Box at(long at) {
            float dt = Math.max(0, at - time);
            return new Box(box.x1 + vx * dt, box.y1 + vy * dt, box.x2 + vx * dt, box.y2 + vy * dt);
        }
    }

    private final long ttlMs;
    private final List<Track> tracks = new ArrayList<>();

    public PlateTracks(long ttlMs) {
        this.ttlMs = ttlMs;
    }

    /** Where the tracked plates are expected at {@code time}; drops those unseen for longer than the TTL. */
    public List<Box> predict(long time) {
        tracks.removeIf(t -> time - t.time() > ttlMs);
        List<Box> boxes = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            boxes.add(t.at(time));
        }
        return boxes;
    }

    /** Takes in the plates found in a frame at {@code time}: each continues the track it overlaps, or starts one. */
    public void observe(List<Box> found, long time) {
        List<Track> continued = new ArrayList<>();
        for (Box box : found) {
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
                next = new Track(box, time, 0f, 0f);
            } else if (time > match.time()) {
                float dt = time - match.time();
                next = new Track(box, time, (centreX(box) - centreX(match.box())) / dt,
                        (centreY(box) - centreY(match.box())) / dt);
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

    /** The tracked plates, in the order they are matched in, for a checkpoint. */
    public List<Track> tracks() {
        List<Track> copy = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            Box b = t.box();
            copy.add(new Track(new Box(b.x1, b.y1, b.x2, b.y2), t.time(), t.vx(), t.vy()));
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
