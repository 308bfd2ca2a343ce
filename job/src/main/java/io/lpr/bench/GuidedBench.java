package io.lpr.bench;

import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import ai.djl.metric.Metric;
import ai.djl.metric.Metrics;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.PlateDetector;
import io.lpr.event.Frame;
import io.lpr.guide.CameraGuides;
import io.lpr.guide.GuideConfig;
import io.lpr.settings.LprSettings;
import io.lpr.pipeline.FoundPlates;
import io.lpr.pipeline.PlateFinder;
import io.lpr.pipeline.PlateReader;
import io.lpr.recognize.RecognizerModel;
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
 * The bench's figures for guided detection, on a static street camera (1080p, 25 fps) with two cars crossing one
 * after the other: detector calls and time per analysed frame with guided and full tiling, and how many such
 * cameras at the analysed rate one machine keeps up with.
 */
final class GuidedBench {
    /** Cameras tried at most when counting how many one machine keeps up with. */
    static final int MAX_CAMERAS = 8;
    /** Frames of the first seconds are not judged: each camera's first frames are full scans of its picture. */
    static final long WARM_UP_MS = 2_000;

    private final LprSettings settings;
    private final DetectorModel detector;
    private final RecognizerModel recognizer;

    GuidedBench(LprSettings settings, DetectorModel detector, RecognizerModel recognizer) {
        this.settings = settings;
        this.detector = detector;
        this.recognizer = recognizer;
    }

    /** The static-camera clip: needs the two labelled photographs (car.jpg, kulakov-scene.jpg) in one folder. */
    static Path writeClip(Path imagesDir, Path dir, double seconds) throws Exception {
        ClipScenario scene = new ClipScenario("static-street", seconds, 25, 0.05,
                List.of(new Actor(VehicleSprite.SALOON, 70, Route.of(0, 150, 900, seconds * 0.6, 1750, 880)),
                        new Actor(VehicleSprite.HATCHBACK, 62,
                                Route.of(0, 2300, 820, seconds / 3, 2300, 820, seconds, 250, 840))),
                List.of(), ClipScenario.Camera.DAY, false);
        LabelledClips.write(imagesDir, dir, List.of(scene));
        return dir.resolve(scene.name() + ".mp4");
    }

    /**
     * Calls, milliseconds and the model's bare forward milliseconds (DJL's Inference timing) per analysed frame of
     * the clip, decoding excluded; then the calls per frame after the camera's start (its first
     * {@link GuideConfig#START_FRAMES} frames, which look at every tile more than once, once per start), what a
     * camera that runs for hours costs.
     */
    double[] perFrame(Path clip, GuideConfig guide) throws Exception {
        List<Frame> frames = new ArrayList<>();
        try (VideoDecoder decoder = open(clip, "bench")) {
            for (Frame f = decoder.next(); f != null; f = decoder.next()) {
                frames.add(f);
            }
        }
        long calls = 0;
        long callsAfterStart = 0;
        PlateDetector plates = detector.newDetector();
        try (CameraGuides guides = new CameraGuides(guide, settings.detector());
                PlateFinder finder = new PlateFinder(plates, guides)) {
            Metrics metrics = new Metrics();
            plates.setMetrics(metrics);
            long start = System.nanoTime();
            for (int i = 0; i < frames.size(); i++) {
                int made = finder.find(frames.get(i)).detectorCalls();
                calls += made;
                if (i >= GuideConfig.START_FRAMES) {
                    callsAfterStart += made;
                }
            }
            double ms = (System.nanoTime() - start) / 1e6;
            List<Metric> inference = metrics.getMetric("Inference");
            double bareMs = inference == null ? 0
                    : inference.stream().mapToDouble(m -> m.getValue().doubleValue()).sum() / 1000;
            int afterStart = Math.max(1, frames.size() - GuideConfig.START_FRAMES);
            return new double[] {calls / (double) frames.size(), ms / frames.size(), bareMs / frames.size(),
                callsAfterStart / (double) afterStart};
        }
    }

    /** How many cameras were kept up with, and the real-time factor (wall time / clip time) of that run. */
    record Capacity(int cameras, double realTimeFactor) {}

    /**
     * The largest number of these cameras, played in real time, that one thread of detection and recognition (the
     * job's default) keeps up with: each camera's frames are decoded as they fall due, and a frame not taken up
     * before the camera's next one is due is dropped, as the job drops a live camera's oldest frame. 0 when even
     * one camera drops frames. Stops at the first count that drops, so it takes at most a clip's length per count.
     */
    Capacity camerasKeptUpWith(Path clip, double clipSeconds) throws Exception {
        Capacity kept = null;
        for (int cameras = 1; cameras <= MAX_CAMERAS; cameras++) {
            long start = System.nanoTime();
            long dropped = droppedFrames(clip, cameras);
            Capacity run = new Capacity(dropped == 0 ? cameras : cameras - 1,
                    (System.nanoTime() - start) / 1e9 / clipSeconds);
            if (dropped > 0) {
                return kept != null ? kept : run;
            }
            kept = run;
        }
        return kept;
    }

    private long droppedFrames(Path clip, int cameras) throws Exception {
        List<VideoDecoder> decoders = new ArrayList<>();
        long dropped = 0;
        try (CameraGuides guides = new CameraGuides(settings.guide(), settings.detector());
                PlateFinder finder = new PlateFinder(detector.newDetector(), guides);
                PlateReader reader = new PlateReader(recognizer.newRecognizer())) {
            for (int c = 0; c < cameras; c++) {
                decoders.add(open(clip, "cam" + c));
            }
            long interval = Math.round(1000 / (settings.cameraDefaults().sampleFps() > 0 ? settings.cameraDefaults().sampleFps() : 25));
            long start = System.currentTimeMillis();
            for (long due = start; ; due += interval) {
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                boolean any = false;
                for (VideoDecoder decoder : decoders) {
                    Frame frame = decoder.next();
                    if (frame == null) {
                        continue;
                    }
                    any = true;
                    if (System.currentTimeMillis() - due >= interval) {
                        // Its camera's next frame is already due: a live camera would have dropped this one.
                        if (due - start >= WARM_UP_MS) {
                            dropped++;
                        }
                        continue;
                    }
                    FoundPlates found = finder.find(frame);
                    if (!found.candidates().isEmpty()) {
                        reader.apply(found.candidates());
                    }
                }
                if (!any) {
                    return dropped;
                }
            }
        } finally {
            for (VideoDecoder decoder : decoders) {
                decoder.close();
            }
        }
    }

    private VideoDecoder open(Path clip, String cameraId) throws Exception {
        return VideoDecoder.open(CameraSpec.of(cameraId, clip.toString()).withSampleFps(settings.cameraDefaults().sampleFps())
                .withSize(settings.cameraDefaults().width(), settings.cameraDefaults().height()), -1, CameraMetrics.unregistered());
    }
}
