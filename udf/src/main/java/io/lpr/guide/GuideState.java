package io.lpr.guide;

import java.util.List;

/**
 * Everything that decides a camera guide's next plans, taken by {@link CameraGuide#snapshot()} for a checkpoint and
 * given back to {@link CameraGuide#restore(GuideState)}; written by {@link GuideStateSerializer}. A restored guide
 * plans exactly what the guide it was taken from would have planned.
 *
 * @param cameraId the camera it guides
 * @param framesPlanned frames planned so far (replays not counted); tells two states of one camera apart
 * @param motion the motion detector's reference picture; null before the first frame
 * @param tracks the tracked plates
 * @param weak the weak boxes watched or resting
 * @param planner the sweep's position and the frame size
 * @param recent the plans of the camera's last frames, oldest first, so a frame replayed after a restore from the
 *     async operator's queue gets the plan it got before
 */
public record GuideState(String cameraId, long framesPlanned, MotionDetector.Reference motion,
        List<PlateTracks.Track> tracks, List<WeakBoxes.Entry> weak, PlannerState planner, List<Planned> recent) {
    public GuideState {
        tracks = List.copyOf(tracks);
        weak = List.copyOf(weak);
        recent = List.copyOf(recent);
    }

    /**
     * The plan a frame got.
     *
     * @param sequence the frame's sequence number
     * @param time its time (ms)
     * @param width its width
     * @param height its height
     * @param plan the regions it was given
     * @param observed whether the plates found in it have been taken in
     */
    public record Planned(long sequence, long time, int width, int height, Plan plan, boolean observed) {
        boolean isOf(long sequence, long time, int width, int height) {
            return this.sequence == sequence && this.time == time && this.width == width && this.height == height;
        }

        Planned asObserved() {
            return new Planned(sequence, time, width, height, plan, true);
        }
    }

    /**
     * Whether this state is further on than another of the same camera: a union of checkpointed states can hold a
     * camera twice (the subtask detecting it, and the one carrying its restored state), and the newer one counts.
     */
    public boolean isNewerThan(GuideState other) {
        if (planner.lastTime() != other.planner.lastTime()) {
            return planner.lastTime() > other.planner.lastTime();
        }
        return framesPlanned > other.framesPlanned;
    }
}
