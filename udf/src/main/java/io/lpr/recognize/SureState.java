package io.lpr.recognize;

import io.lpr.event.Box;
import java.util.List;

/**
 * Everything that decides which crops of one camera {@link SureReads} skips next, taken for a checkpoint and given
 * back on restore; written by {@link SureStateSerializer}. A restored camera decides exactly what the one it was
 * taken from would have.
 *
 * @param cameraId the camera
 * @param decisions crops decided so far (replays not counted); tells two states of one camera apart
 * @param nextTrackId the id the next track gets
 * @param tracks the plates followed
 * @param recent the decisions of the camera's last frames, oldest first, so a crop replayed after a restore from
 *     the async operator's queue gets the decision it got before
 */
public record SureState(String cameraId, long decisions, long nextTrackId, List<Track> tracks, List<Decided> recent) {
    public SureState {
        tracks = List.copyOf(tracks);
        recent = List.copyOf(recent);
    }

    /**
     * A plate followed across frames by its box.
     *
     * @param id names it in {@link Decided#trackId()}
     * @param lastBox its box in the last frame it was seen in
     * @param lastSeen that frame's time (ms)
     * @param lastSequence that frame's sequence: a track takes one crop per frame
     * @param text the text its last reads agreed on; null after an unreadable or unsure read
     * @param streak how many reads in a row, each at least the sure confidence, read {@code text} (at most the
     *     sure reads)
     * @param skipped its crops skipped since its last read
     */
    public record Track(long id, Box lastBox, long lastSeen, long lastSequence, String text, int streak, int skipped) {}

    /**
     * The decision a crop got.
     *
     * @param sequence its frame's sequence
     * @param time its frame's time (ms)
     * @param box its box
     * @param trackId the track it joined
     * @param skip whether it was skipped
     * @param observed whether its read has been taken in (a skipped crop has none: true)
     */
    public record Decided(long sequence, long time, Box box, long trackId, boolean skip, boolean observed) {
        boolean isOf(long sequence, long time, Box box) {
            return this.sequence == sequence && this.time == time && this.box.equals(box);
        }

        Decided asObserved() {
            return new Decided(sequence, time, box, trackId, skip, true);
        }
    }

    /** Whether this state is further on than another of the same camera (a union can hold a camera twice). */
    public boolean isNewerThan(SureState other) {
        return decisions > other.decisions;
    }
}
