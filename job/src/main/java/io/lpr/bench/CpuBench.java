package io.lpr.bench;

import io.lpr.bench.StageCpu.Stage;
import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.pipeline.FoundPlates;
import io.lpr.pipeline.PlateFinder;
import io.lpr.pipeline.PlateReader;
import io.lpr.recognize.RecognizerModel;
import io.lpr.recognize.SureReads;
import io.lpr.settings.LprSettings;
import io.lpr.status.CameraMetrics;
import io.lpr.video.ClipScenario;
import io.lpr.video.ClipScenario.Actor;
import io.lpr.video.ClipScenario.Route;
import io.lpr.video.LabelledClips;
import io.lpr.video.VehicleSprite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time per stage of one camera's clip, in process CPU time (all threads, native included), one stage at a
 * time on one thread: each frame is decoded, then its plates are found (the guide's planning, motion and
 * tracking, and the detector's calls, timed apart inside), then, in a second pass, each frame's crops are read
 * as one batch, but for those of a sure plate that the job would skip ({@link SureReads}). The recogniser has its own pass so that PyTorch's OpenMP threads, which spin a while after a
 * call, are charged to it: the pass ends {@value #SPIN_TAIL_MS} ms after its last call.
 */
final class CpuBench {
    /** How long after the recogniser's last call its CPU is still counted (OpenMP threads spin before sleeping). */
    static final long SPIN_TAIL_MS = 300;
    /** Seconds between two cars on the sparse-traffic clip. */
    static final double SPARSE_GAP_SECONDS = 10;

    /**
     * The clip's analysed frames, its length, the detector's calls, the crops skipped as sure (not read) and the
     * CPU time of each stage.
     */
    record Result(int frames, double videoSeconds, long detectorCalls, int cropsSkipped, StageCpu cpu) {
        double callsPerFrame() {
            return detectorCalls / (double) frames;
        }

        double msPerFrame(Stage stage) {
            return cpu.msPer(stage, frames);
        }

        double totalMsPerFrame() {
            return cpu.totalMsPer(frames);
        }

        double msPerVideoSecond(Stage stage) {
            return cpu.msPer(stage, videoSeconds);
        }

        double totalMsPerVideoSecond() {
            return cpu.totalMsPer(videoSeconds);
        }
    }

    private CpuBench() {}

    static Result measure(Path clip, double clipSeconds, LprSettings settings, GuideConfig guide,
            DetectorModel detectorModel, RecognizerModel recognizerModel) throws Exception {
        StageCpu cpu = StageCpu.ofProcess();
        List<List<PlateCandidate>> crops = new ArrayList<>();
        long calls = 0;
        int frames = 0;
        CpuTimedDetector detector = new CpuTimedDetector(detectorModel.newDetector(), cpu::start);
        CameraSpec camera = CameraSpec.of("cpu", clip.toString()).withSampleFps(settings.cameraDefaults().sampleFps())
                .withSize(settings.cameraDefaults().width(), settings.cameraDefaults().height());
        try (CameraGuides guides = new CameraGuides(guide, settings.detector());
                PlateFinder finder = new PlateFinder(detector, guides, settings.snapshot())) {
            long t = cpu.start();
            try (VideoDecoder decoder = VideoDecoder.open(camera, -1, CameraMetrics.unregistered())) {
                for (Frame frame = decoder.next(); frame != null; frame = decoder.next()) {
                    t = cpu.stop(Stage.DECODE, t);
                    FoundPlates found = finder.find(frame);
                    t = cpu.stop(Stage.GUIDE, t); // the guide's share includes the snapshot of a frame with a plate
                    frames++;
                    calls += found.detectorCalls();
                    if (!found.candidates().isEmpty()) {
                        crops.add(found.candidates());
                    }
                }
                cpu.stop(Stage.DECODE, t);
            }
        }
        // The finder's span held the detector's calls: what is left is the guide's (motion, planning, tracking,
        // cutting the crops).
        cpu.move(Stage.GUIDE, Stage.DETECTOR, detector.nanos());
        int skipped = 0;
        // The job's decisions: a sure plate's crop is read on every Nth frame only (lpr.recognizer.sure-*).
        SureReads sure = new SureReads("cpu", settings.sureReads(), settings.tracker().minIou(),
                settings.tracker().passageGap().toMillis(), 1);
        try (PlateReader reader = new PlateReader(recognizerModel.newRecognizer())) {
            long t = cpu.start();
            for (List<PlateCandidate> frameCrops : crops) {
                List<PlateCandidate> toRead = new ArrayList<>();
                for (PlateCandidate c : frameCrops) {
                    if (!settings.sureReads().enabled()
                            || sure.decide(c.frameSequence, c.eventTime, c.box) == SureReads.Decision.READ) {
                        toRead.add(c);
                    }
                }
                skipped += frameCrops.size() - toRead.size();
                if (!toRead.isEmpty()) {
                    List<PlateRead> reads = reader.apply(toRead);
                    for (PlateRead r : reads) {
                        PlateCandidate c = r.candidate;
                        sure.observe(c.frameSequence, c.eventTime, c.box, r.text, r.confidence);
                    }
                }
            }
            Thread.sleep(SPIN_TAIL_MS);
            cpu.stop(Stage.RECOGNISER, t);
        }
        return new Result(Math.max(1, frames), clipSeconds, calls, skipped, cpu);
    }

    /**
     * A street with sparse traffic, what most cameras see: a car every {@value #SPARSE_GAP_SECONDS} s crossing in
     * 4 s, the street empty in between; the first enters after 1 s. Built from the labelled photographs, as the
     * static camera's clip is.
     */
    static Path writeSparseClip(Path imagesDir, Path dir, double seconds) throws Exception {
        List<Actor> cars = new ArrayList<>();
        for (int i = 0; 1 + i * SPARSE_GAP_SECONDS < seconds; i++) {
            double enter = 1 + i * SPARSE_GAP_SECONDS;
            boolean rightward = i % 2 == 0;
            double from = rightward ? -400 : 2300;
            double to = rightward ? 2300 : -400;
            double y = rightward ? 900 : 830;
            cars.add(new Actor(rightward ? VehicleSprite.SALOON : VehicleSprite.HATCHBACK, rightward ? 70 : 62,
                    Route.of(0, from, y, enter, from, y, enter + 4, to, y)));
        }
        ClipScenario scene = new ClipScenario("sparse-street", seconds, 25, 0.05, cars, List.of(),
                ClipScenario.Camera.DAY, false);
        LabelledClips.write(imagesDir, dir, List.of(scene));
        return dir.resolve(scene.name() + ".mp4");
    }
}
