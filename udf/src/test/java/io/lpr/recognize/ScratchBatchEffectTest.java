package io.lpr.recognize;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.lpr.event.Box;
import io.lpr.image.Images;
import io.lpr.model.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ScratchBatchEffectTest {
    static ZooModel<NDList, NDList> load(Path p) throws Exception {
        return Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(p).optEngine("PyTorch")
                .optOption("mapLocation", "true").build().loadModel();
    }

    @Test
    void measure() throws Exception {
        Path models = Path.of(System.getProperty("lpr.test.models"));
        Mat frame;
        try (Mat car = Images.read(Path.of(System.getProperty("lpr.test.images"), "car.jpg"))) {
            frame = Images.resized(car, 1920, 1080, INTER_AREA);
        }
        Box[] boxes = {
            new Box(232.44186f, 814.19446f, 324.64374f, 841.9125f),
            new Box(1097.4425f, 661.41547f, 1141.9923f, 674.0388f),
            new Box(1520.4563f, 639.6942f, 1567.8191f, 653.18317f),
            new Box(1286.0554f, 636.13745f, 1317.4097f, 645.0998f)};
        List<Mat> crops = new ArrayList<>();
        for (Box b : boxes) crops.add(PlateCrop.cut(frame, b));
        Random r = new Random(7);
        List<Mat> many = new ArrayList<>(crops);
        while (many.size() < 32) {
            float x = r.nextInt(1700), y = r.nextInt(1000), w = 30 + r.nextInt(150), h = 8 + r.nextInt(40);
            many.add(PlateCrop.cut(frame, new Box(x, y, Math.min(1919, x + w), Math.min(1079, y + h))));
        }
        try (ZooModel<NDList, NDList> stn = load(models.resolve("stn.torchscript.pt"));
                ZooModel<NDList, NDList> lpr = load(models.resolve("lprnet.torchscript.pt"));
                Predictor<Mat, float[]> sp = stn.newPredictor(new StnTranslator("stn"), Device.cpu());
                Predictor<float[], Reading> lp = lpr.newPredictor(new LprnetTranslator("lpr"), Device.cpu())) {
            // STN invariance
            List<float[]> alignedBatch = sp.batchPredict(many);
            float maxDiff = 0;
            for (int i = 0; i < many.size(); i++) {
                float[] alone = sp.predict(many.get(i));
                for (int k = 0; k < alone.length; k++) maxDiff = Math.max(maxDiff, Math.abs(alone[k] - alignedBatch.get(i)[k]));
            }
            System.out.println("STN max |alone - batch32| = " + maxDiff);
            List<float[]> a4 = sp.batchPredict(crops);
            List<Reading> batched4 = lp.batchPredict(a4);
            for (int i = 0; i < 4; i++) {
                Reading alone = lp.predict(a4.get(i));
                System.out.println("crop " + i + " alone " + alone + " | batch4 " + batched4.get(i));
            }
            List<Reading> batched32 = lp.batchPredict(alignedBatch);
            for (int i = 0; i < 4; i++) System.out.println("crop " + i + " batch32 " + batched32.get(i));
            int diffText = 0;
            for (int i = 0; i < 32; i++) {
                Reading alone = lp.predict(alignedBatch.get(i));
                if (!java.util.Objects.equals(alone.rawText(), batched32.get(i).rawText())) diffText++;
            }
            System.out.println("raw texts differing alone vs batch32: " + diffText + "/32");
            // timings: best of 5 rounds per configuration
            for (int warm = 0; warm < 3; warm++) { sp.batchPredict(many); lp.batchPredict(alignedBatch); }
            for (int b : new int[] {1, 8, 32}) {
                List<Mat> sub = many.subList(0, b);
                List<float[]> al = alignedBatch.subList(0, b);
                int reps = Math.max(2, 64 / b);
                double stnB = 1e9, lprOne = 1e9, lprB = 1e9, rec = 1e9;
                { PlateRecognizer pr = new PlateRecognizer(sp, lp, 32);
                for (int round = 0; round < 5; round++) {
                    long t0 = System.nanoTime();
                    for (int k = 0; k < reps; k++) sp.batchPredict(sub);
                    long t1 = System.nanoTime();
                    for (int k = 0; k < reps; k++) for (float[] x : al) lp.predict(x);
                    long t2 = System.nanoTime();
                    for (int k = 0; k < reps; k++) lp.batchPredict(al);
                    long t3 = System.nanoTime();
                    for (int k = 0; k < reps; k++) pr.recognize(sub);
                    long t4 = System.nanoTime();
                    double n = reps * b * 1e6;
                    stnB = Math.min(stnB, (t1 - t0) / n); lprOne = Math.min(lprOne, (t2 - t1) / n);
                    lprB = Math.min(lprB, (t3 - t2) / n); rec = Math.min(rec, (t4 - t3) / n);
                }
                }
                System.out.printf("batch %2d ms/crop: STN batched %.2f | LPRNet per crop %.2f | LPRNet batched %.2f | recognize() %.2f%n",
                        b, stnB, lprOne, lprB, rec);
            }
        }
    }
}
