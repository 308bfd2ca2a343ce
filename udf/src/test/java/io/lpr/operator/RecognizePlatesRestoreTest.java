package io.lpr.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.model.ModelDirectory;
import io.lpr.pipeline.PlateFinder;
import io.lpr.recognize.ReadingPolicy;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.recognize.SureReadsConfig;
import io.lpr.runtime.BatchingConfig;
import io.lpr.status.CameraMetrics;
import io.lpr.track.TrackerConfig;
import io.lpr.video.ClipScenario;
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
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recognise operator restored from a checkpoint reads and skips the crops an undisturbed one does, in Flink's
 * harness for async operators with the real recogniser, on the labelled clip of two cars parked side by side (both
 * plates sure within a few frames): the crops of its queue are replayed, each getting the decision it got before, and
 * the process's sure reads come back from the checkpoint whatever the failed attempt left in them.
 */
class RecognizePlatesRestoreTest {
    private static final Path IMAGES = Path.of(System.getProperty("lpr.test.images"));
    private static final ModelDirectory MODELS = new ModelDirectory(System.getProperty("lpr.test.models"));
    private static final int MAX_PARALLELISM = 128;
    private static final long CHECKPOINT = 7;
    private static final BatchingConfig BATCHING = BatchingConfig.DEFAULTS;

    @TempDir
    static Path dir;

    /** The clip's crops, frame by frame, as guided detection finds them. */
    private static List<PlateCandidate> crops;

    @BeforeAll
    static void detect() throws Exception {
        EvalManifest clips = LabelledClips.write(IMAGES, dir, ClipScenario.standardSet().stream()
                .filter(c -> c.name().equals("side-by-side")).toList());
        crops = new ArrayList<>();
        CameraSpec camera = CameraSpec.of("gate", dir.resolve(clips.files().get(0).file()).toString());
        try (DetectorModel detector = DetectorModel.load(DetectorConfig.DEFAULTS, MODELS);
                CameraGuides guides = new CameraGuides(GuideConfig.DEFAULTS, detector.config());
                PlateFinder finder = new PlateFinder(detector.newDetector(), guides);
                VideoDecoder decoder = VideoDecoder.open(camera, -1, CameraMetrics.unregistered())) {
            for (Frame frame = decoder.next(); frame != null; frame = decoder.next()) {
                crops.addAll(finder.find(frame).candidates());
            }
        }
    }

    @Test
    void aRestoredOperatorReadsAndSkipsWhatAnUndisturbedOneDoes() throws Exception {
        JobID job = new JobID();
        List<String> undisturbed = undisturbed(job);
        assertThat(undisturbed).as("crops skipped").anyMatch(r -> r.endsWith("skipped"));
        assertThat(undisturbed).as("crops read").anyMatch(r -> r.endsWith("O459OO97"));
        int cut = crops.size() / 2;

        // The failing attempt checkpoints with crops in its queue, goes on, then fails.
        var failing = harness(job);
        failing.open();
        feed(failing, 0, cut);
        OperatorSubtaskState checkpoint = failing.snapshot(CHECKPOINT, 0);
        List<String> found = new ArrayList<>(reads(failing));
        assertThat(found).as("some crops still in the queue at the checkpoint").hasSizeLessThan(cut);
        feed(failing, cut, crops.size());
        failing.endInput();

        // The next attempt, in the same process: it replays its queue and goes on.
        var restored = harness(job);
        restored.setRestoredCheckpointId(CHECKPOINT);
        restored.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(
                checkpoint, MAX_PARALLELISM, 1, 1, 0));
        restored.open();
        failing.close();
        feed(restored, cut, crops.size());
        restored.endInput();
        found.addAll(reads(restored));
        restored.close();

        assertThat(found).as("each crop once, read or skipped as the undisturbed run did")
                .containsExactlyElementsOf(undisturbed);
    }

    private static List<String> undisturbed(JobID job) throws Exception {
        try (var harness = harness(job)) {
            harness.open();
            feed(harness, 0, crops.size());
            harness.endInput();
            return reads(harness);
        }
    }

    private static void feed(OneInputStreamOperatorTestHarness<PlateCandidate, PlateRead> harness, int from, int to)
            throws Exception {
        for (int i = from; i < to; i++) {
            harness.processElement(new StreamRecord<>(crops.get(i), crops.get(i).eventTime));
        }
    }

    /** Each read as its frame, box and text, or "skipped". */
    private static List<String> reads(OneInputStreamOperatorTestHarness<PlateCandidate, PlateRead> harness) {
        List<String> out = new ArrayList<>();
        for (PlateRead r : harness.extractOutputValues()) {
            out.add(r.candidate.frameSequence + " " + r.candidate.box + " " + (r.skipped ? "skipped" : r.text));
        }
        return out;
    }

    private static OneInputStreamOperatorTestHarness<PlateCandidate, PlateRead> harness(JobID job) throws Exception {
        var environment = new MockEnvironmentBuilder().setJobID(job).setMaxParallelism(MAX_PARALLELISM)
                .setParallelism(1).setSubtaskIndex(0).build();
        var function = new RecognizePlates(RecognizerConfig.DEFAULTS, MODELS, BATCHING, ReadingPolicy.DEFAULTS,
                SureReadsConfig.DEFAULTS, TrackerConfig.DEFAULTS);
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function, BATCHING.timeout().toMillis(), BATCHING.capacity(),
                        AsyncDataStream.OutputMode.ORDERED),
                TypeInformation.of(PlateCandidate.class).createSerializer(new SerializerConfigImpl()), environment);
    }
}
