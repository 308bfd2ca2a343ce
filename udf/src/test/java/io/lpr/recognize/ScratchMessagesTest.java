package io.lpr.recognize;

import io.lpr.model.ModelDirectory;
import java.nio.file.*;
import org.junit.jupiter.api.Test;

class ScratchMessagesTest {
    @Test
    void show() throws Exception {
        Path temp = Files.createTempDirectory("rm");
        Files.copy(Path.of(System.getProperty("lpr.test.models"), "stn.torchscript.pt"), temp.resolve("stn.torchscript.pt"));
        try { RecognizerModel.load(RecognizerConfig.defaults(), new ModelDirectory(temp.toString())); } catch (Exception e) { System.out.println("MSG1 " + e.getMessage()); }
        Files.write(temp.resolve("lprnet.torchscript.pt"), "garbage".getBytes());
        try { RecognizerModel.load(RecognizerConfig.defaults(), new ModelDirectory(temp.toString())); } catch (Exception e) { System.out.println("MSG2 " + e.getMessage()); }
        try { RecognizerModel.load(RecognizerConfig.defaults().withDevice("gpu"), new ModelDirectory(System.getProperty("lpr.test.models"))); } catch (Exception e) { System.out.println("MSG3 " + e.getMessage()); }
        Runtime rt = Runtime.getRuntime();
        try (RecognizerModel m = RecognizerModel.load(RecognizerConfig.defaults(), new ModelDirectory(System.getProperty("lpr.test.models")));
             PlateRecognizer r = m.newRecognizer();
             org.bytedeco.opencv.opencv_core.Mat crop = new org.bytedeco.opencv.opencv_core.Mat(39, 92, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new org.bytedeco.opencv.opencv_core.Scalar(90, 120, 200, 0))) {
            java.util.List<org.bytedeco.opencv.opencv_core.Mat> eight = java.util.Collections.nCopies(8, crop);
            for (int round = 0; round < 6; round++) {
                for (int k = 0; k < 100; k++) r.recognize(eight);
                String status = new String(Files.readAllBytes(Path.of("/proc/self/status")));
                String rss = status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("");
                System.out.println("after " + (round + 1) * 800 + " crops " + rss);
            }
        }
    }
}
