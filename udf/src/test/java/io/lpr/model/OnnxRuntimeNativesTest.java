package io.lpr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorModel;
import io.lpr.detect.PlateDetector;
import io.lpr.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process runs the ONNX detector with a temp folder of its own, which must be empty when it ends, and
 * when it is killed.
 */
class OnnxRuntimeNativesTest {
    @TempDir
    Path tmp;

    @Test
    void aProcessRunningTheDetectorLeavesNothingInItsTempFolder() throws Exception {
        Path log = Files.createTempFile("detector-process", ".log");
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                    RunDetector.class.getName(), System.getProperty("lpr.test.models"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("detector process ended").isTrue();
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isZero();

            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left).as("left in the process's temp folder").isEmpty();
            }
            assertThat(output).contains("natives in ");
            Path natives = Path.of(output.substring(output.indexOf("natives in ") + 11).strip());
            assertThat(natives.getParent().getFileName()).hasToString("onnxruntime");
            assertThat(natives.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
            assertThat(natives.resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * ONNX Runtime makes an {@code onnxruntime-java*} folder in the temp folder whenever it loads, and deletes
     * it only at a normal exit: a process killed with {@code kill -9} after loading must not leave it.
     */
    @Test
    void aProcessKilledAfterLoadingOnnxRuntimeLeavesNothingInItsTempFolder() throws Exception {
        Path java = tmp.resolve("java-tmp");
        try (ChildJvm child = ChildJvm.start(tmp, java, LoadAndWait.class)) {
            Path natives = Path.of(child.awaitLine("loaded from "));
            child.kill();

            assertThat(ChildJvm.filesIn(java)).as("left in the killed process's temp folder: %s", child.output())
                    .isEmpty();
            assertThat(natives.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
        }
    }

    /** Loads ONNX Runtime as the detector does, creates its environment, then waits to be killed. */
    public static final class LoadAndWait {
        public static void main(String[] args) throws InterruptedException {
            OnnxRuntimeNatives.useCache();
            ai.onnxruntime.OrtEnvironment.getEnvironment();
            System.out.println("loaded from " + System.getProperty(OnnxRuntimeNatives.NATIVE_PATH));
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Loads the bundled detector and runs it on one frame, as the job does. */
    public static final class RunDetector {
        public static void main(String[] args) {
            try (DetectorModel model = DetectorModel.load(DetectorConfig.DEFAULTS, new ModelDirectory(args[0]));
                    PlateDetector detector = model.newDetector();
                    Mat frame = new Mat(1080, 1920, CV_8UC3, new Scalar(90, 90, 90, 0))) {
                detector.detect(frame);
            }
            System.out.println("natives in " + System.getProperty(OnnxRuntimeNatives.NATIVE_PATH));
        }
    }
}
