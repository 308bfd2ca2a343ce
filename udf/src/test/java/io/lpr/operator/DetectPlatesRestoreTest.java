package io.lpr.operator;

import io.lpr.runtime.BatchingConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import io.lpr.detect.DetectorConfig;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.guide.GuideState;
import io.lpr.model.ModelDirectory;
import io.lpr.runtime.SharedResources;
import io.lpr.status.CameraMetrics;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detect operator restored from a checkpoint scans the regions an undisturbed run scans, in Flink's harness for
 * async operators with the real detector, on a static street camera with two cars crossing: the frames of its queue
 * are replayed, its camera's guide comes back from the checkpoint whatever the failed attempt left in the process,
 * and a second subtask restoring the same checkpoint later turns nothing back.
 */
class DetectPlatesRestoreTest {
    private static final Path IMAGES = Path.of(System.getProperty("lpr.test.images"));
    private static final ModelDirectory MODELS = new ModelDirectory(System.getProperty("lpr.test.models"));
    private static final int MAX_PARALLELISM = 128;
    private static final long CHECKPOINT = 7;
    /** Frames 0..CUT go in before the checkpoint; the last of them are still in the operator's queue then. */
    private static final int CUT = 11;
    /** Two frames in flight per subtask, so the checkpoint holds a frame detected and one being detected. */
    private static final BatchingConfig BATCHING = BatchingConfig.DETECTOR_DEFAULTS.withCapacity(2);

    @TempDir
    static Path dir;

    private static List<Frame> frames;

    @BeforeAll
    static void decode() throws Exception {
        EvalManifest clips = LabelledClips.write(IMAGES, dir, List.of(GuidedDetectionTest.TWO_CARS));
        frames = new ArrayList<>();
        CameraSpec camera = CameraSpec.of("gate", dir.resolve(clips.files().get(0).file()).toString());
        try (VideoDecoder decoder = VideoDecoder.open(camera, -1, CameraMetrics.unregistered())) {
            for (Frame frame = decoder.next(); frame != null; frame = decoder.next()) {
                frames.add(frame);
            }
        }
    }

    @Test
    void aRestoredOperatorScansWhatAnUndisturbedOneScans() throws Exception {
        JobID job = new JobID();
        Run undisturbed = undisturbed(job);
        assertThat(frames).hasSize(30);
        assertThat(undisturbed.candidates()).as("plates found").hasSizeGreaterThan(10);

        // The failing attempt: subtask 0 detects the camera, subtask 1 nothing.
        var failing = harness(job, 2, 0);
        var idle = harness(job, 2, 1);
        failing.open();
        idle.open();
        feed(failing, 0, CUT + 1);
        OperatorSubtaskState checkpoint = AbstractStreamOperatorTestHarness.repackageState(
                failing.snapshot(CHECKPOINT, 0), idle.snapshot(CHECKPOINT, 0));
        List<String> found = new ArrayList<>(candidates(failing));
        // It goes on past its checkpoint before it fails, moving the process's guide on.
        feed(failing, CUT + 1, CUT + 4);
        failing.endInput();
        assertThat(guide().framesPlanned()).isEqualTo(CUT + 4);

        // The next attempt, in the same process: its subtask 0 replays its queue and goes on.
        var restored = restoredHarness(job, checkpoint, 2, 0);
        failing.close();
        idle.close();
        assertThat(guide().framesPlanned()).as("the checkpoint's guide, not the failed attempt's")
                .isLessThanOrEqualTo(CUT + 1);
        feed(restored, CUT + 1, CUT + 5);
        // Its subtask 1 restores the same checkpoint after subtask 0 has moved the camera on.
        var late = restoredHarness(job, checkpoint, 2, 1);
        feed(restored, CUT + 5, frames.size());
        restored.endInput();
        found.addAll(candidates(restored));
        assertThat(guide()).isEqualTo(undisturbed.guide());

        // Its next checkpoint, restored into one subtask of a new process.
        OperatorSubtaskState next = AbstractStreamOperatorTestHarness.repackageState(
                restored.snapshot(CHECKPOINT + 1, 0), late.snapshot(CHECKPOINT + 1, 0));
        restored.close();
        late.close();
        var rescaled = restoredHarness(job, next, 1, 0);
        assertThat(guide()).isEqualTo(undisturbed.guide());
        rescaled.close();

        assertThat(found).as("each frame's plates once, as the undisturbed run found them")
                .containsExactlyElementsOf(undisturbed.candidates());

        // Restored without the guides, as before they were checkpointed: the queue's frames and the rest go to a
        // new guide, which scans other regions, so the comparison above can tell.
        GuideState fresh;
        try (var unguided = harness(new JobID(), 1, 0)) {
            unguided.open();
            feed(unguided, CUT - 1, frames.size());
            unguided.endInput();
            fresh = guide();
        }
        assertThat(fresh.planner()).isNotEqualTo(undisturbed.guide().planner());
    }

    /** What the undisturbed run found, frame by frame, and its camera's guide at the end. */
    private record Run(List<String> candidates, GuideState guide) {}

    private static Run undisturbed(JobID job) throws Exception {
        try (var harness = harness(job, 1, 0)) {
            harness.open();
            feed(harness, 0, frames.size());
            harness.endInput();
            return new Run(candidates(harness), guide());
        }
    }

    private static void feed(OneInputStreamOperatorTestHarness<Frame, PlateCandidate> harness, int from, int to)
            throws Exception {
        for (int i = from; i < to; i++) {
            harness.processElement(new StreamRecord<>(frames.get(i), frames.get(i).eventTime));
        }
    }

    /** Each candidate as its frame, box and score: a different region gives another box or none. */
    private static List<String> candidates(OneInputStreamOperatorTestHarness<Frame, PlateCandidate> harness) {
        List<String> out = new ArrayList<>();
        for (PlateCandidate c : harness.extractOutputValues()) {
            out.add(c.frameSequence + " " + c.box.x1 + "," + c.box.y1 + "," + c.box.x2 + "," + c.box.y2 + " " + c.score);
        }
        return out;
    }

    /** The camera's guide in this process now. */
    private static GuideState guide() {
        try (SharedResources.Lease<CameraGuides> guides = SharedResources.acquire(function().guidesKey(), () -> {
            throw new AssertionError("no detect operator is open");
        })) {
            return guides.get().snapshot("gate");
        }
    }

    private static OneInputStreamOperatorTestHarness<Frame, PlateCandidate> restoredHarness(JobID job,
            OperatorSubtaskState state, int parallelism, int subtask) throws Exception {
        var harness = harness(job, parallelism, subtask);
        harness.setRestoredCheckpointId(CHECKPOINT);
        harness.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(
                state, MAX_PARALLELISM, 2, parallelism, subtask));
        harness.open();
        return harness;
    }

    private static OneInputStreamOperatorTestHarness<Frame, PlateCandidate> harness(JobID job, int parallelism,
            int subtask) throws Exception {
        var environment = new MockEnvironmentBuilder().setJobID(job).setMaxParallelism(MAX_PARALLELISM)
                .setParallelism(parallelism).setSubtaskIndex(subtask).build();
        var harness = new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function(), BATCHING.timeout().toMillis(), BATCHING.capacity(),
                        AsyncDataStream.OutputMode.ORDERED),
                TypeInformation.of(Frame.class).createSerializer(new SerializerConfigImpl()), environment);
        // The queue's frames are 6 MB each, more than the default in-memory limit.
        harness.setCheckpointStorage(new JobManagerCheckpointStorage(64 << 20));
        return harness;
    }

    private static DetectPlates function() {
        return new DetectPlates(DetectorConfig.DEFAULTS, GuideConfig.DEFAULTS, MODELS, BATCHING);
    }
}
