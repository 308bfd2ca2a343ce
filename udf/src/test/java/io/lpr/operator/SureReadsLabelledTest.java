package io.lpr.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.model.ModelDirectory;
import io.lpr.pipeline.PlateFinder;
import io.lpr.pipeline.PlateReader;
import io.lpr.plate.PlateGrammar;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.recognize.RecognizerModel;
import io.lpr.recognize.SureReads;
import io.lpr.recognize.SureReadsConfig;
import io.lpr.status.CameraMetrics;
import io.lpr.track.PassageTracker;
import io.lpr.track.TrackerConfig;
import io.lpr.video.ClipScenario;
import io.lpr.video.EvalManifest;
import io.lpr.video.LabelledClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognise until sure on the labelled set, with the real models: each clip detected as the job does (guided),
 * its crops read by the recogniser, then tracked into passages twice, once with every crop read and once with sure
 * plates read on every 5th frame only (the defaults). The events are the same: camera, text, first and last seen,
 * frames; some crops were skipped; the confidences differ by at most what docs/accuracy.md reports.
 */
class SureReadsLabelledTest {
    private static final Path IMAGES = Path.of(System.getProperty("lpr.test.images"));
    private static final ModelDirectory MODELS = new ModelDirectory(System.getProperty("lpr.test.models"));
    /** The largest difference in an event's confidence seen on the set (docs/accuracy.md), with room for rounding. */
    private static final double MAX_CONFIDENCE_CHANGE = 0.04;
    /**
     * The clips of the set with a plate read confidently enough to become sure (the others' plates never are, so
     * nothing of theirs is skipped: ./lpr eval, docs/accuracy.md); parked-occluded's plate is half hidden while sure.
     */
    private static final List<String> SURE_CLIPS = List.of("barrier-hatchback", "side-by-side", "parked-occluded",
            "creeping");

    @TempDir
    static Path dir;

    /** One way of reading a clip: its events, and how many crops were read and skipped. */
    record Outcome(List<String> events, List<Float> confidences, int read, int skipped) {}

    @Test
    void sureReadsGiveTheEventsOfReadingEveryCrop() throws Exception {
        EvalManifest set = LabelledClips.write(IMAGES, dir, ClipScenario.standardSet().stream()
                .filter(c -> SURE_CLIPS.contains(c.name())).toList());
        Map<String, Outcome> every = new TreeMap<>();
        Map<String, Outcome> sure = new TreeMap<>();
        try (DetectorModel detector = DetectorModel.load(DetectorConfig.DEFAULTS, MODELS);
                RecognizerModel recognizer = RecognizerModel.load(RecognizerConfig.DEFAULTS, MODELS);
                PlateReader reader = new PlateReader(recognizer.newRecognizer())) {
            for (EvalManifest.Entry clip : set.files()) {
                if (clip.isVideo()) {
                    List<List<PlateRead>> frames = readEveryCrop(detector, reader, dir.resolve(clip.file()));
                    every.put(clip.file(), track(frames, SureReadsConfig.OFF));
                    sure.put(clip.file(), track(frames, SureReadsConfig.DEFAULTS));
                }
            }
        }

        assertThat(sure).hasSize(SURE_CLIPS.size());
        sure.forEach((clip, outcome) -> assertThat(outcome.events()).as(clip).isEqualTo(every.get(clip).events()));
        int skipped = sure.values().stream().mapToInt(Outcome::skipped).sum();
        int read = sure.values().stream().mapToInt(Outcome::read).sum();
        assertThat(every.values().stream().mapToInt(Outcome::skipped).sum()).isZero();
        assertThat(every.values().stream().mapToInt(Outcome::read).sum()).isEqualTo(read + skipped);
        assertThat(skipped).as("crops skipped of %d", read + skipped).isGreaterThan(0);
        double largest = 0;
        for (String clip : sure.keySet()) {
            List<Float> a = every.get(clip).confidences();
            List<Float> b = sure.get(clip).confidences();
            for (int i = 0; i < a.size(); i++) {
                largest = Math.max(largest, Math.abs(a.get(i) - b.get(i)));
            }
        }
        System.out.printf("sure reads on the labelled set: %d crops read, %d skipped; largest confidence change %.4f%n",
                read, skipped, largest);
        every.forEach((clip, o) -> System.out.printf("  %s every crop %s %s; sure %s %s%n", clip, o.events(),
                o.confidences(), sure.get(clip).events(), sure.get(clip).confidences()));
        assertThat(largest).as("largest confidence change").isLessThanOrEqualTo(MAX_CONFIDENCE_CHANGE);
    }

    /** Every frame of the clip detected (guided, as the job does) and every crop read, frame by frame. */
    private static List<List<PlateRead>> readEveryCrop(DetectorModel detector, PlateReader reader, Path clip)
            throws Exception {
        List<List<PlateRead>> frames = new ArrayList<>();
        try (CameraGuides guides = new CameraGuides(GuideConfig.DEFAULTS, detector.config());
                PlateFinder finder = new PlateFinder(detector.newDetector(), guides);
                VideoDecoder decoder = VideoDecoder.open(CameraSpec.of("cam", clip.toString()), -1,
                        CameraMetrics.unregistered())) {
            for (Frame frame = decoder.next(); frame != null; frame = decoder.next()) {
                List<PlateCandidate> found = finder.find(frame).candidates();
                frames.add(found.isEmpty() ? List.of() : reader.apply(found));
            }
        }
        return frames;
    }

    /**
     * The frames' crops through {@link SureReads} and the passage tracker, as the recognise and track operators take
     * them: a crop decided skipped goes on as a skipped read, a crop read gets the recogniser's answer.
     */
    private static Outcome track(List<List<PlateRead>> frames, SureReadsConfig config) {
        TrackerConfig trackerConfig = TrackerConfig.DEFAULTS;
        SureReads camera = new SureReads("cam", config, trackerConfig.minIou(), trackerConfig.passageGap().toMillis(), 8);
        PassageTracker tracker = new PassageTracker(trackerConfig, PlateGrammar.russian(), new ArrayList<>());
        int read = 0;
        int skipped = 0;
        for (List<PlateRead> frame : frames) {
            List<PlateRead> out = new ArrayList<>();
            for (PlateRead r : frame) {
                PlateCandidate c = r.candidate;
                boolean skip = config.enabled()
                        && camera.decide(c.frameSequence, c.eventTime, c.box) == SureReads.Decision.SKIP;
                out.add(skip ? PlateRead.skipped(c) : r);
            }
            for (PlateRead r : out) {
                if (r.skipped) {
                    skipped++;
                } else {
                    read++;
                    camera.observe(r.candidate.frameSequence, r.candidate.eventTime, r.candidate.box, r.text,
                            r.confidence);
                }
                tracker.add(r);
            }
        }
        List<String> events = new ArrayList<>();
        List<Float> confidences = new ArrayList<>();
        for (PlateEvent e : tracker.closeIdle(Long.MAX_VALUE, "cam", t -> new byte[0])) {
            events.add(e.cameraId + " " + e.plateText + " " + e.firstSeen + ".." + e.lastSeen + " " + e.frames);
            confidences.add(e.confidence);
        }
        return new Outcome(events, confidences, read, skipped);
    }
}
