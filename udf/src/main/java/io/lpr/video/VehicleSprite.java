package io.lpr.video;

import io.lpr.image.Images;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A vehicle cut from one of the labelled photographs, with its plate's box and text. Plate boxes are the
 * seed detector's boxes on the original images (`lpr recognize`), so the truth is the photographs' own.
 *
 * @param image file name in the labelled images folder
 * @param x left of the vehicle's region in the photograph
 * @param plate the plate's box in the photograph: x1, y1, x2, y2
 */
public record VehicleSprite(String image, int x, int y, int width, int height, double[] plate, String text) {
    /** The white van in car.jpg: its plate is the reference's conformance plate. */
    public static final VehicleSprite VAN = new VehicleSprite("car.jpg", 60, 175, 255, 195,
            new double[] {94.85, 331.06, 131.84, 344.19}, "B840CK197");
    /** The black saloon in front in kulakov-scene.jpg. */
    public static final VehicleSprite SALOON = new VehicleSprite("kulakov-scene.jpg", 130, 255, 780, 625,
            new double[] {394.45, 496.40, 628.90, 578.07}, "O459OO97");
    /** The dark hatchback ahead on the right in kulakov-scene.jpg. */
    public static final VehicleSprite HATCHBACK = new VehicleSprite("kulakov-scene.jpg", 960, 345, 330, 250,
            new double[] {1111.85, 439.43, 1202.12, 467.42}, "K095AE177");

    /**
     * Only the saloon's rear bumper and plate, as of a car parked behind a low wall or a hedge: without the car
     * around it the detector scores the plate near its threshold at 48 px (0.3-0.58 in some frames, below 0.3 in
     * others), while the crop it gives reads as the whole saloon's would.
     */
    public static final VehicleSprite SALOON_BUMPER = new VehicleSprite("kulakov-scene.jpg", 330, 455, 370, 170,
            SALOON.plate, SALOON.text);

    public double plateWidth() {
        return plate[2] - plate[0];
    }

    /** The plate's centre relative to the region's top-left corner. */
    public double plateCentreX() {
        return (plate[0] + plate[2]) / 2 - x;
    }

    public double plateCentreY() {
        return (plate[1] + plate[3]) / 2 - y;
    }

    /** A copy of the vehicle's pixels (BGR); the caller closes it. */
    public Mat cut(Path imagesDir) throws IOException {
        try (Mat photo = Images.read(imagesDir.resolve(image));
                Rect rect = new Rect(x, y, width, height);
                Mat view = new Mat(photo, rect)) {
            return view.clone();
        }
    }
}
