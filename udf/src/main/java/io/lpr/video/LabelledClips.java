package io.lpr.video;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lpr.image.Images;
import io.lpr.video.ClipScenario.Actor;
import io.lpr.video.ClipScenario.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Builds the labelled evaluation set: 1080p CCTV-like H.264 clips made from the labelled photographs
 * (vehicles moving, parked, stopping at a barrier, side by side; low bitrate, motion blur, noise, dusk
 * gain, a lettered truck), plus the photographs themselves, and a {@code manifest.json} with the truth of
 * every file and frame. Deterministic: the same images give the same clips and manifest.
 */
public final class LabelledClips {
    public static final String MANIFEST = "manifest.json";
    /** Grey level a dusk picture drifts to: a little below mid-grey. */
    private static final double DUSK_LEVEL = 100;
    private static final String[] IMAGES = {"car.jpg", "kulakov-scene.jpg"};

    private LabelledClips() {}

    /** Writes every clip of {@code scenarios}, the labelled photographs and the manifest into {@code outDir}. */
    public static EvalManifest write(Path imagesDir, Path outDir, List<ClipScenario> scenarios) throws IOException {
        Files.createDirectories(outDir);
        List<EvalManifest.Entry> entries = new ArrayList<>();
        for (ClipScenario scenario : scenarios) {
            entries.add(writeClip(imagesDir, outDir, scenario));
        }
        for (String image : IMAGES) {
            Files.copy(imagesDir.resolve(image), outDir.resolve(image), StandardCopyOption.REPLACE_EXISTING);
            outDir.resolve(image).toFile().setWritable(true);
        }
        entries.add(EvalManifest.Entry.image("car.jpg", List.of(VehicleSprite.VAN.text())));
        entries.add(EvalManifest.Entry.image("kulakov-scene.jpg",
                List.of(VehicleSprite.SALOON.text(), VehicleSprite.HATCHBACK.text())));
        EvalManifest manifest = new EvalManifest(entries);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve(MANIFEST).toFile(), manifest);
        return manifest;
    }

    /** The standard set ({@link ClipScenario#standardSet()}). */
    public static EvalManifest write(Path imagesDir, Path outDir) throws IOException {
        return write(imagesDir, outDir, ClipScenario.standardSet());
    }

    static EvalManifest.Entry writeClip(Path imagesDir, Path outDir, ClipScenario scenario) throws IOException {
        String file = scenario.name() + ".mp4";
        List<EvalManifest.FrameTruth> truth = new ArrayList<>();
        List<Mat> sprites = new ArrayList<>();
        List<Mat> masks = new ArrayList<>();
        Random noise = new Random(scenario.name().hashCode());
        Mat[] truck = StreetScene.truck();
        try (Mat background = StreetScene.background(imagesDir, scenario.barrier());
                FFmpegFrameRecorder recorder = ClipRecorder.start(outDir.resolve(file), StreetScene.WIDTH,
                        StreetScene.HEIGHT, scenario.fps(), scenario.bitsPerPixel());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            for (Actor actor : scenario.actors()) {
                Mat sprite = StreetScene.vehicle(imagesDir, actor.sprite(), actor.plateWidth());
                sprites.add(sprite);
                masks.add(StreetScene.softMask(sprite.cols(), sprite.rows()));
            }
            for (int i = 0; i < scenario.frames(); i++) {
                double t = i / scenario.fps();
                List<EvalManifest.PlateBox> plates = new ArrayList<>();
                try (Mat frame = background.clone()) {
                    // Painter's order: what stands lower in the frame is nearer the camera and hides what is behind.
                    int actors = scenario.actors().size();
                    List<Integer> order = new ArrayList<>();
                    for (int k = 0; k < actors + scenario.trucks().size(); k++) {
                        order.add(k);
                    }
                    order.sort(Comparator.comparingDouble(k -> bottom(scenario, sprites, truck[0], k, t)));
                    double[][] plateBoxes = new double[actors][];
                    for (int k : order) {
                        if (k >= actors) {
                            drawMoving(frame, truck[0], truck[1], scenario.trucks().get(k - actors), t, scenario, 0, 0);
                            continue;
                        }
                        Actor actor = scenario.actors().get(k);
                        double scale = actor.plateWidth() / actor.sprite().plateWidth();
                        double[] centre = drawMoving(frame, sprites.get(k), masks.get(k), actor.path(), t, scenario,
                                actor.sprite().plateCentreX() * scale, actor.sprite().plateCentreY() * scale);
                        double plateHeight = (actor.sprite().plate()[3] - actor.sprite().plate()[1]) * scale;
                        plateBoxes[k] = new double[] {centre[0] - actor.plateWidth() / 2, centre[1] - plateHeight / 2,
                                centre[0] + actor.plateWidth() / 2, centre[1] + plateHeight / 2};
                    }
                    for (int k = 0; k < actors; k++) {
                        double[] plate = plateBoxes[k];
                        boolean inFrame = plate[0] >= 0 && plate[1] >= 0 && plate[2] <= StreetScene.WIDTH
                                && plate[3] <= StreetScene.HEIGHT;
                        if (inFrame && !hiddenByTruck(scenario, truck[0], order, k, plate, t)) {
                            plates.add(new EvalManifest.PlateBox(scenario.actors().get(k).sprite().text(), round(plate)));
                        }
                    }
                    camera(frame, scenario.camera(), noise);
                    recorder.record(converter.convert(frame));
                }
                truth.add(new EvalManifest.FrameTruth(i, Math.round(t * 1000), plates));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write clip " + file + ": " + e.getMessage(), e);
        } finally {
            sprites.forEach(Mat::close);
            masks.forEach(Mat::close);
            truck[0].close();
            truck[1].close();
        }
        List<String> expected = scenario.actors().stream().map(a -> a.sprite().text()).toList();
        return EvalManifest.Entry.clip(file, scenario.fps(), scenario.frames(), expected, truth);
    }

    /**
     * Draws a sprite whose anchor (at {@code anchorX, anchorY} inside it) follows {@code route}, blurred
     * along its motion for the time the shutter is open; returns the anchor's position in the frame.
     */
    private static double[] drawMoving(Mat frame, Mat sprite, Mat mask, Route route, double t, ClipScenario scenario,
            double anchorX, double anchorY) {
        double x = route.x(t);
        double y = route.y(t);
        double dx = route.x(t + 1 / scenario.fps()) - x;
        int blur = (int) Math.round(Math.abs(dx) * scenario.camera().shutter());
        int left = (int) Math.round(x - anchorX);
        int top = (int) Math.round(y - anchorY);
        if (blur < 2) {
            StreetScene.paste(frame, sprite, mask, left, top);
        } else {
            try (Mat kernel = new Mat(1, blur, CV_32F, Scalar.all(1.0 / blur)); Mat smeared = new Mat()) {
                filter2D(sprite, smeared, -1, kernel);
                StreetScene.paste(frame, smeared, mask, left, top);
            }
        }
        return new double[] {x, y};
    }

    /** The bottom edge of drawable k at time t: vehicles first (by index), then trucks. */
    private static double bottom(ClipScenario scenario, List<Mat> sprites, Mat truck, int k, double t) {
        int actors = scenario.actors().size();
        if (k >= actors) {
            return scenario.trucks().get(k - actors).y(t) + truck.rows();
        }
        Actor actor = scenario.actors().get(k);
        double scale = actor.plateWidth() / actor.sprite().plateWidth();
        return actor.path().y(t) - actor.sprite().plateCentreY() * scale + sprites.get(k).rows();
    }

    /** Whether a truck drawn after vehicle k covers any of its plate. */
    private static boolean hiddenByTruck(ClipScenario scenario, Mat truck, List<Integer> order, int k, double[] plate,
            double t) {
        int actors = scenario.actors().size();
        for (int j : order.subList(order.indexOf(k) + 1, order.size())) {
            if (j >= actors) {
                Route route = scenario.trucks().get(j - actors);
                double x = route.x(t);
                double y = route.y(t);
                if (x < plate[2] && x + truck.cols() > plate[0] && y < plate[3] && y + truck.rows() > plate[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Dusk (contrast lost, the gain lifting a dim scene towards grey) then sensor noise, in place. */
    private static void camera(Mat frame, ClipScenario.Camera camera, Random random) {
        if (camera.contrast() != 1) {
            frame.convertTo(frame, -1, camera.contrast(), DUSK_LEVEL * (1 - camera.contrast()));
        }
        if (camera.noiseSigma() > 0) {
            byte[] pixels = Images.toBgr(frame);
            for (int i = 0; i < pixels.length; i++) {
                int v = (pixels[i] & 0xff) + (int) Math.round(random.nextGaussian() * camera.noiseSigma());
                pixels[i] = (byte) Math.max(0, Math.min(255, v));
            }
            frame.data().put(pixels);
        }
    }

    private static double[] round(double[] box) {
        double[] out = new double[box.length];
        for (int i = 0; i < box.length; i++) {
            out[i] = Math.round(box[i] * 10) / 10.0;
        }
        return out;
    }
}
