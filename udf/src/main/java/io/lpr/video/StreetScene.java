package io.lpr.video;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_DUPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.blendLinear;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_TELEA;
import static org.bytedeco.opencv.global.opencv_photo.inpaint;

import io.lpr.image.Images;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The pieces a labelled clip is drawn from: the street of car.jpg at 1920x1080 with its own plates erased
 * (the van parked there keeps its grille and wheels, a distractor), a barrier arm, a plate-less lettered
 * truck, and compositing of sprites with soft edges.
 */
final class StreetScene {
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    private static final String STREET = "car.jpg";
    /** car.jpg's plates (seed detector boxes, image pixels): erased so that only scripted plates are truth. */
    private static final double[][] STREET_PLATES = {
        {94.85, 331.06, 131.84, 344.19}, {618.02, 259.97, 634.96, 264.82},
        {446.66, 268.08, 463.15, 275.58}, {522.96, 258.52, 534.42, 261.96}};
    /** Width of the soft edge of a pasted sprite, in pixels. */
    private static final int FEATHER = 6;

    private StreetScene() {}

    /** The street at 1920x1080 with its plates inpainted, and a barrier arm when asked. */
    static Mat background(Path imagesDir, boolean barrier) throws IOException {
        Mat street;
        try (Mat photo = Images.read(imagesDir.resolve(STREET))) {
            double sx = WIDTH / (double) photo.cols();
            double sy = HEIGHT / (double) photo.rows();
            try (Mat big = Images.resized(photo, WIDTH, HEIGHT, INTER_CUBIC);
                    Mat mask = new Mat(HEIGHT, WIDTH, CV_8UC1, Scalar.all(0))) {
                for (double[] p : STREET_PLATES) {
                    rectangle(mask, new Point((int) (p[0] * sx) - 6, (int) (p[1] * sy) - 6),
                            new Point((int) (p[2] * sx) + 6, (int) (p[3] * sy) + 6), Scalar.all(255), FILLED, 8, 0);
                }
                street = new Mat();
                inpaint(big, mask, street, 5, INPAINT_TELEA);
            }
        }
        if (barrier) {
            rectangle(street, new Point(1330, 640), new Point(1352, 900), new Scalar(90, 90, 90, 0), FILLED, 8, 0);
            for (int x = 1330, i = 0; x > 760; x -= 60, i++) {
                Scalar colour = i % 2 == 0 ? new Scalar(30, 30, 210, 0) : new Scalar(235, 235, 235, 0);
                rectangle(street, new Point(x - 60, 690), new Point(x, 708), colour, FILLED, 8, 0);
            }
        }
        return street;
    }

    /** A vehicle scaled so that its plate is {@code plateWidth} pixels wide. */
    static Mat vehicle(Path imagesDir, VehicleSprite sprite, double plateWidth) throws IOException {
        double scale = plateWidth / sprite.plateWidth();
        try (Mat cut = sprite.cut(imagesDir)) {
            int w = (int) Math.round(cut.cols() * scale);
            int h = (int) Math.round(cut.rows() * scale);
            return Images.resized(cut, w, h, scale < 1 ? INTER_AREA : INTER_CUBIC);
        }
    }

    /** A rectangle of weight 1 fading to 0 over the feather at its edges (CV_32F). */
    static Mat softMask(int width, int height) {
        try (Mat hard = new Mat(height, width, CV_32F, Scalar.all(0))) {
            rectangle(hard, new Point(FEATHER, FEATHER), new Point(width - 1 - FEATHER, height - 1 - FEATHER),
                    Scalar.all(1), FILLED, 8, 0);
            Mat soft = new Mat();
            GaussianBlur(hard, soft, new Size(2 * FEATHER + 1, 2 * FEATHER + 1), 0);
            return soft;
        }
    }

    /**
     * A box truck seen side-on, with lettering and a phone number on its body, a grille and wheels, and no
     * plate: text-like junk the reader must not turn into an event. Returns the pixels and its mask (CV_32F).
     */
    static Mat[] truck() {
        int w = 760;
        int h = 330;
        Mat body = new Mat(h, w, CV_8UC3, Scalar.all(0));
        Mat mask = new Mat(h, w, CV_32F, Scalar.all(0));
        Scalar one = Scalar.all(1);
        fill(body, mask, new Rect(0, 0, 560, 260), new Scalar(235, 235, 230, 0));
        fill(body, mask, new Rect(570, 70, 190, 190), new Scalar(40, 120, 200, 0));
        fill(body, mask, new Rect(640, 90, 110, 70), new Scalar(70, 50, 40, 0));
        for (int y = 185; y < 250; y += 12) {
            rectangle(body, new Point(700, y), new Point(755, y + 5), new Scalar(40, 40, 40, 0), FILLED, 8, 0);
        }
        putText(body, "DOSTAVKA 24", new Point(30, 90), FONT_HERSHEY_DUPLEX, 2.0, new Scalar(150, 60, 20, 0), 4,
                LINE_AA, false);
        putText(body, "+7 495 120-45-67", new Point(30, 170), FONT_HERSHEY_DUPLEX, 1.6, new Scalar(30, 30, 180, 0), 3,
                LINE_AA, false);
        putText(body, "MKAD 77 TRANSIT", new Point(30, 235), FONT_HERSHEY_DUPLEX, 1.1, new Scalar(40, 40, 40, 0), 2,
                LINE_AA, false);
        for (int cx : new int[] {110, 450, 650}) {
            circle(body, new Point(cx, 280), 48, new Scalar(25, 25, 25, 0), FILLED, LINE_AA, 0);
            circle(mask, new Point(cx, 280), 48, one, FILLED, LINE_AA, 0);
            circle(body, new Point(cx, 280), 20, new Scalar(150, 150, 150, 0), FILLED, LINE_AA, 0);
        }
        return new Mat[] {body, mask};
    }

    private static void fill(Mat body, Mat mask, Rect rect, Scalar colour) {
        rectangle(body, rect, colour, FILLED, 8, 0);
        rectangle(mask, rect, Scalar.all(1), FILLED, 8, 0);
    }

    /** Blends {@code sprite} into {@code frame} with its top-left at (left, top), clipped to the frame. */
    static void paste(Mat frame, Mat sprite, Mat alpha, int left, int top) {
        int x0 = Math.max(0, left);
        int y0 = Math.max(0, top);
        int x1 = Math.min(frame.cols(), left + sprite.cols());
        int y1 = Math.min(frame.rows(), top + sprite.rows());
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        try (Rect inFrame = new Rect(x0, y0, x1 - x0, y1 - y0);
                Rect inSprite = new Rect(x0 - left, y0 - top, x1 - x0, y1 - y0);
                Mat dst = new Mat(frame, inFrame);
                Mat src = new Mat(sprite, inSprite);
                Mat a = new Mat(alpha, inSprite);
                Mat ones = new Mat(a.rows(), a.cols(), CV_32F, Scalar.all(1));
                Mat inverse = new Mat();
                Mat out = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.subtract(ones, a, inverse);
            blendLinear(src, dst, a.clone(), inverse, out);
            out.copyTo(dst);
        }
    }
}
