package io.lpr.video;

import java.util.List;

/**
 * One labelled clip: what moves where, and what the camera adds. Every vehicle with a plate is one
 * expected passage, so the truth follows from the script.
 *
 * @param name file name without extension
 * @param seconds clip length
 * @param fps frames per second written (CCTV analysed at a low rate)
 * @param bitsPerPixel H.264 target bits per pixel per frame: CCTV runs ~0.03-0.08 at 1080p
 * @param actors vehicles with plates, drawn in order (later ones in front)
 * @param trucks plate-less lettered trucks (distractors), as paths of the truck's top-left corner; drawn in
 *     front of the vehicles they stand lower than in the frame (nearer the camera), hiding their plates
 * @param camera the camera's defects
 * @param barrier whether a barrier arm is drawn across the lane
 */
public record ClipScenario(String name, double seconds, double fps, double bitsPerPixel, List<Actor> actors,
        List<Route> trucks, Camera camera, boolean barrier) {

    /** A vehicle following a path; {@code plateWidth} in frame pixels. */
    public record Actor(VehicleSprite sprite, double plateWidth, Route path) {}

    /**
     * What the camera adds: noise (sigma, grey levels), the contrast left at dusk (below 1: the scene is dim
     * and the camera's gain lifts it back, so the picture is flat, greyish and noisy) and the motion-blur
     * share of the frame interval the shutter is open.
     */
    public record Camera(double noiseSigma, double contrast, double shutter) {
        public static final Camera DAY = new Camera(3, 1, 0.02);
    }

    /** Plate centre positions at given times (seconds), linear in between, held before the first and after the last. */
    public record Route(double[] times, double[] xs, double[] ys) {
        public static Route parked(double x, double y) {
            return new Route(new double[] {0}, new double[] {x}, new double[] {y});
        }

        public static Route of(double... timeXy) {
            int n = timeXy.length / 3;
            double[] t = new double[n];
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = timeXy[3 * i];
                x[i] = timeXy[3 * i + 1];
                y[i] = timeXy[3 * i + 2];
            }
            return new Route(t, x, y);
        }

        public double x(double time) {
            return at(time, xs);
        }

        public double y(double time) {
            return at(time, ys);
        }

        private double at(double time, double[] values) {
            if (time <= times[0]) {
                return values[0];
            }
            for (int i = 1; i < times.length; i++) {
                if (time <= times[i]) {
                    double f = (time - times[i - 1]) / (times[i] - times[i - 1]);
                    return values[i - 1] + f * (values[i] - values[i - 1]);
                }
            }
            return values[values.length - 1];
        }
    }

    /** Name of the clip of a parked plate scoring near the detector threshold, shorter than a sweep period. */
    public static final String PARKED_FAINT = "parked-faint";
    /** Name of the clip of a car that drives in and stops far away: a small plate, still. */
    public static final String STOPS_FAR = "stops-far";
    /** Name of the clip of a car creeping, too slowly for much motion between analysed frames. */
    public static final String CREEPING = "creeping";

    public int frames() {
        return (int) Math.round(seconds * fps);
    }

    /**
     * The standard evaluation set: a parked van, a saloon crossing, a hatchback stopping at a barrier, two
     * cars side by side, a parked car hidden for a while by a passing truck, a dusk clip with a lettered
     * truck; and what guided detection could lose: a car parked from the first frame behind a low wall, only
     * its bumper showing, whose plate (48 px) scores near the detector threshold, in a clip shorter than the
     * sweep period; a car stopping far away (a 48 px plate); a car creeping 35 px/s. Plates 48-72 px wide in
     * 1920x1080 frames,
     * on the street of car.jpg (its own plates erased). The van's plate is only 37 px wide in its photograph,
     * so it is never enlarged beyond ~1.7x: more would test the upscaling, not the reader.
     */
    public static List<ClipScenario> standardSet() {
        Camera day = Camera.DAY;
        return List.of(
                new ClipScenario("parked-van", 4, 4, 0.04,
                        List.of(new Actor(VehicleSprite.VAN, 64, Route.parked(1450, 930))), List.of(), day, false),
                new ClipScenario("crossing-saloon", 3, 4, 0.05,
                        List.of(new Actor(VehicleSprite.SALOON, 72, Route.of(0, 250, 900, 3, 1700, 860))),
                        List.of(), new Camera(3, 1, 0.03), false),
                new ClipScenario("barrier-hatchback", 5, 4, 0.04,
                        List.of(new Actor(VehicleSprite.HATCHBACK, 56,
                                Route.of(0, 2050, 820, 1.5, 1150, 840, 3.5, 1150, 840, 5, 300, 800))),
                        List.of(), day, true),
                new ClipScenario("side-by-side", 3, 4, 0.05,
                        List.of(new Actor(VehicleSprite.SALOON, 66, Route.parked(900, 900)),
                                new Actor(VehicleSprite.HATCHBACK, 60, Route.parked(1500, 880))),
                        List.of(), day, false),
                new ClipScenario("parked-occluded", 5, 4, 0.05,
                        List.of(new Actor(VehicleSprite.SALOON, 64, Route.parked(1000, 860))),
                        List.of(Route.of(1, -800, 700, 5, 2000, 700)), day, false),
                new ClipScenario("dusk-truck", 4, 4, 0.04,
                        List.of(new Actor(VehicleSprite.SALOON, 64, Route.of(0, 1850, 960, 4, 650, 940))),
                        List.of(Route.of(0, -700, 600, 4, 1300, 600)), new Camera(5, 0.6, 0.02), false),
                new ClipScenario(PARKED_FAINT, 6, 4, 0.04,
                        List.of(new Actor(VehicleSprite.SALOON_BUMPER, 48, Route.parked(800, 900))),
                        List.of(), day, false),
                new ClipScenario(STOPS_FAR, 6, 4, 0.04,
                        List.of(new Actor(VehicleSprite.HATCHBACK, 48, Route.of(0, 2050, 660, 2, 1000, 650))),
                        List.of(), day, false),
                new ClipScenario(CREEPING, 6, 4, 0.04,
                        List.of(new Actor(VehicleSprite.SALOON, 56, Route.of(0, 1350, 880, 6, 1140, 870))),
                        List.of(), day, false));
    }
}
