package io.lpr.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.detect.Detection;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.Detections;
import io.lpr.detect.Tiler;
import io.lpr.event.Box;
import io.lpr.image.Images;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * A guide restored from a checkpoint plans what the guide it was taken from would have planned, on a street scene
 * drawn frame by frame: a textured still background, a car crossing it (motion) with its plate found in most frames
 * (a track), a parked plate found once, and the sweep.
 */
class GuideRestoreTest {
    private static final int W = 1920;
    private static final int H = 1080;
    private static final int FRAMES = 40;
    private static final long STEP_MS = 200;
    private static final long START = 1_700_000_000_000L;
    private static final String CAMERA = "gate";
    private static final byte[] BACKGROUND = background();

    private final GuideStateSerializer serializer = new GuideStateSerializer();

    @Test
    void aRestoredGuidePlansWhatTheUninterruptedOnePlans() throws Exception {
        CameraGuide reference = guide();
        List<Plan> uninterrupted = run(reference, 0, FRAMES);
        GuideState atTheEnd = reference.snapshot();

        for (int checkpoint : List.of(1, 6, 13, 27)) {
            CameraGuide before = guide();
            run(before, 0, checkpoint);
            CameraGuide restored = guide();
            restored.restore(roundTrip(before.snapshot()));

            List<Plan> after = run(restored, checkpoint, FRAMES);
            assertThat(after).as("plans after a checkpoint at frame %d", checkpoint)
                    .containsExactlyElementsOf(uninterrupted.subList(checkpoint, FRAMES));
            assertThat(restored.snapshot()).isEqualTo(atTheEnd);

            // Without its state (as before: a new guide) the same frames are planned otherwise, so the comparison
            // above can tell.
            assertThat(run(guide(), checkpoint, FRAMES)).isNotEqualTo(uninterrupted.subList(checkpoint, FRAMES));
        }
    }

    @Test
    void framesReplayedFromTheOperatorsQueueGetTheirPlansAgainAndChangeNothing() throws Exception {
        CameraGuide reference = guide();
        List<Plan> uninterrupted = run(reference, 0, FRAMES);
        // At the checkpoint frames 11 and 12 are in the async operator's queue: 11 detected, 12 planned and being
        // detected. After the restore the operator sends both again, then the frames that follow.
        CameraGuide before = guide();
        run(before, 0, 12);
        try (Mat frame = frame(12)) {
            before.plan(frame, time(12), 12);
        }
        CameraGuide restored = guide();
        restored.restore(roundTrip(before.snapshot()));

        List<Plan> after = run(restored, 11, FRAMES);
        assertThat(after).containsExactlyElementsOf(uninterrupted.subList(11, FRAMES));
        assertThat(restored.snapshot()).isEqualTo(reference.snapshot());
        assertThat(restored.snapshot().framesPlanned()).isEqualTo(FRAMES);
    }

    @Test
    void platesObservedAgainChangeNothing() {
        CameraGuide guide = guide();
        // Frame 11 found both plates, frame 12 only the car's.
        run(guide, 0, 13);
        GuideState before = guide.snapshot();
        assertThat(before.tracks()).hasSize(2);
        assertThat(before.weak()).as("the parked car's weak box is watched").hasSize(1);

        Plan any = before.recent().get(0).plan();
        guide.observe(any, found(11), time(11), 11, W, H);
        assertThat(guide.snapshot()).isEqualTo(before);
        guide.observe(any, found(12), time(12), 12, W, H);
        assertThat(guide.snapshot()).isEqualTo(before);
    }

    @Test
    void aSequenceNumberOfAnotherFrameIsPlannedAfresh() throws Exception {
        CameraGuide guide = guide();
        run(guide, 0, 10);
        Plan replayed;
        Plan restarted;
        try (Mat frame = frame(9)) {
            replayed = guide.plan(frame, time(9), 9);
            // The camera's stream started afresh: number 9 again, but a frame 20 s later.
            restarted = guide.plan(frame, time(9) + 20_000, 9);
        }
        assertThat(replayed.regions()).hasSizeLessThan(15);
        assertThat(restarted.regions()).as("a gap longer than the sweep period scans every tile").hasSize(15);
        assertThat(guide.snapshot().framesPlanned()).isEqualTo(11);
    }

    @Test
    void theStateRoundTripsThroughItsSerializer() throws Exception {
        CameraGuide guide = guide();
        run(guide, 0, 8);
        GuideState state = guide.snapshot();
        assertThat(state.motion()).isNotNull();
        assertThat(state.tracks()).isNotEmpty();
        assertThat(state.recent()).hasSize(2);

        byte[] bytes = serializer.serialize(state);
        GuideState copy = serializer.deserialize(GuideStateSerializer.VERSION, bytes);
        assertThat(copy).isEqualTo(state);
        assertThat(serializer.serialize(copy)).isEqualTo(bytes);
        GuideState fresh = guide().snapshot();
        assertThat(serializer.deserialize(GuideStateSerializer.VERSION, serializer.serialize(fresh))).isEqualTo(fresh);
    }

    /**
     * Version 2 is version 3 without each track's size and looks at the end: its tracks are looked at at every size.
     * Version 1 is version 2 without the start's tiles owed at the end: its starts were full scans only.
     */
    @Test
    void versionOneAndTwoStatesAreReadWithNoLaterStartLooksOwedAndTracksAtEverySize() throws Exception {
        CameraGuide guide = guide();
        run(guide, 0, 3);
        GuideState state = guide.snapshot();
        assertThat(state.planner().startTilesLeft()).as("in the middle of a start").isPositive();
        assertThat(state.tracks()).extracting(PlateTracks.Track::side).contains(640);
        byte[] v3 = serializer.serialize(state);
        byte[] v2 = Arrays.copyOf(v3, v3.length - 3 * Integer.BYTES * state.tracks().size());
        List<PlateTracks.Track> atEverySize = state.tracks().stream()
                .map(t -> new PlateTracks.Track(t.box(), t.time(), t.vx(), t.vy())).toList();

        assertThat(serializer.deserialize(2, v2).tracks()).isEqualTo(atEverySize);
        assertThat(serializer.deserialize(2, v2).planner()).isEqualTo(state.planner());
        GuideState v1 = serializer.deserialize(1, Arrays.copyOf(v2, v2.length - Integer.BYTES));

        PlannerState p = state.planner();
        assertThat(v1.planner()).isEqualTo(new PlannerState(p.width(), p.height(), p.lastScan(), p.lastTime(),
                p.sweepCredit(), p.startScansLeft(), 0));
        assertThat(v1.tracks()).isEqualTo(atEverySize);
        assertThat(v1.recent()).isEqualTo(state.recent());
        assertThat(v1.motion()).isEqualTo(state.motion());
    }

    @Test
    void unknownVersionsAndForeignBytesAreRefused() throws Exception {
        CameraGuide guide = guide();
        run(guide, 0, 3);
        byte[] bytes = serializer.serialize(guide.snapshot());

        assertThatThrownBy(() -> serializer.deserialize(4, bytes)).isInstanceOf(IOException.class)
                .hasMessage("cannot read a camera guide's state of version 4; this build reads versions 1 to 3");
        assertThatThrownBy(() -> serializer.deserialize(0, bytes)).hasMessageContaining("version 0");
        assertThatThrownBy(() -> serializer.deserialize(3, Arrays.copyOf(bytes, bytes.length - 5)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> serializer.deserialize(3, Arrays.copyOf(bytes, bytes.length + 3)))
                .isInstanceOf(IOException.class).hasMessageContaining("3 bytes more");
    }

    @Test
    void aStateFromOtherTileOrMotionSettingsStartsAfresh() throws Exception {
        CameraGuide guide = guide();
        run(guide, 0, 5);
        GuideState state = guide.snapshot();

        DetectorConfig otherTiles = DetectorConfig.DEFAULTS.withTileSizes(List.of(512))
                .withIntraOpThreads(1);
        CameraGuide retiled = new CameraGuide(CAMERA, GuideConfig.DEFAULTS, otherTiles, 2);
        retiled.restore(state);
        try (Mat frame = frame(5)) {
            Plan plan = retiled.plan(frame, time(5), 5);
            assertThat(plan.regions()).as("a full scan of the new tiling").hasSize(plan.fromSweep()).hasSizeGreaterThan(15);
        }

        GuideConfig lowerMotion = GuideConfig.DEFAULTS.withMotionHeight(60);
        CameraGuide remotioned = new CameraGuide(CAMERA, lowerMotion, DetectorConfig.DEFAULTS, 2);
        remotioned.restore(state);
        assertThat(remotioned.snapshot().motion()).as("a reference of another height is dropped").isNull();
        assertThat(remotioned.snapshot().planner()).isEqualTo(state.planner());
    }

    @Test
    void aRestoreIsInstalledOncePerProcessAndReplacesWhatTheFailedAttemptLeft() throws Exception {
        try (CameraGuides guides = new CameraGuides(GuideConfig.DEFAULTS, DetectorConfig.DEFAULTS, 2)) {
            run(guides.of(CAMERA), 0, 10);
            GuideState checkpoint = guides.snapshot(CAMERA);
            // The failed attempt went on after the checkpoint, and met a second camera.
            run(guides.of(CAMERA), 10, 15);
            guides.of("yard");

            assertThat(guides.restore("attempt 2", List.of(checkpoint))).isTrue();
            assertThat(guides.snapshot(CAMERA)).isEqualTo(checkpoint);
            assertThat(guides.snapshot("yard")).as("no guide at the checkpoint, none now").isNull();

            // The first subtask of the new attempt moves the camera on; a second one restoring the same attempt
            // must not turn it back.
            run(guides.of(CAMERA), 10, 12);
            GuideState movedOn = guides.snapshot(CAMERA);
            assertThat(guides.restore("attempt 2", List.of(checkpoint))).isFalse();
            assertThat(guides.snapshot(CAMERA)).isEqualTo(movedOn);
        }
    }

    @Test
    void theNewerOfTwoStatesOfACameraIsTheOneFurtherOn() {
        CameraGuide guide = guide();
        run(guide, 0, 5);
        GuideState earlier = guide.snapshot();
        run(guide, 5, 6);
        GuideState later = guide.snapshot();

        assertThat(later.isNewerThan(earlier)).isTrue();
        assertThat(earlier.isNewerThan(later)).isFalse();
        assertThat(later.isNewerThan(later)).isFalse();
    }

    private GuideState roundTrip(GuideState state) throws IOException {
        return serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
    }

    /** A guide that keeps the plans of two frames for replays, as with a detector capacity of 2. */
    private static CameraGuide guide() {
        return new CameraGuide(CAMERA, GuideConfig.DEFAULTS, DetectorConfig.DEFAULTS, 2);
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive) through the guide as the detector takes them. */
    private static List<Plan> run(CameraGuide guide, int from, int to) {
        List<Plan> plans = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Plan plan;
            try (Mat frame = frame(i)) {
                plan = guide.plan(frame, time(i), i);
            }
            plans.add(plan);
            guide.observe(plan, found(i), time(i), i, W, H);
        }
        return plans;
    }

    private static long time(int i) {
        return START + i * STEP_MS;
    }

    private static int carX(int i) {
        return 100 + 40 * i;
    }

    /**
     * What the detector "found" in frame i: the car's plate and a parked one, each missed now and then, the parked
     * one's box from a 640 tile and clearly the best (so after a few looks at every size it is scanned at 640 only);
     * and a weak box (below the detector threshold) of a parked car, seen in two frames of three.
     */
    private static Detections found(int i) {
        List<Detection> found = new ArrayList<>();
        if (i % 5 != 3) {
            found.add(new Detection(new Box(carX(i) + 120, 700, carX(i) + 180, 715), 0.8f));
        }
        if (i % 4 != 0) {
            found.add(new Detection(new Box(1500, 300, 1560, 315), 0.8f, new Tiler.Tile(1280, 0, 640, 640), 0.5f));
        }
        List<Detection> weak = i % 3 == 0 ? List.of() : List.of(new Detection(new Box(300, 900, 352, 913), 0.25f));
        return new Detections(found, weak);
    }

    private static Mat frame(int i) {
        byte[] pixels = BACKGROUND.clone();
        fill(pixels, carX(i), 600, 300, 150, (byte) 40);
        fill(pixels, carX(i) + 120, 700, 60, 15, (byte) 230);
        return Images.fromBgr(pixels, W, H);
    }

    private static void fill(byte[] pixels, int x, int y, int w, int h, byte value) {
        for (int row = y; row < Math.min(H, y + h); row++) {
            int start = (row * W + Math.max(0, x)) * 3;
            int end = (row * W + Math.min(W, x + w)) * 3;
            if (end > start) {
                Arrays.fill(pixels, start, end, value);
            }
        }
    }

    /** A still street: smooth gradients and a checker of kerbstones, so only the car moves. */
    private static byte[] background() {
        byte[] pixels = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = (y * W + x) * 3;
                int checker = ((x / 64 + y / 64) % 2) * 30;
                pixels[i] = (byte) (60 + y / 8);
                pixels[i + 1] = (byte) (80 + x / 16 + checker);
                pixels[i + 2] = (byte) (90 + checker);
            }
        }
        return pixels;
    }
}
