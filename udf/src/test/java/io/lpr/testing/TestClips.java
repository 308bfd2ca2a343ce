package io.lpr.testing;

import io.lpr.image.Images;
import io.lpr.video.DemoClip;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/** Small demo clips of the seed's car.jpg, for tests. */
public final class TestClips {
    private TestClips() {}

    public static Path carJpg() {
        String images = System.getProperty("lpr.test.images");
        if (images == null) {
            throw new IllegalStateException("system property lpr.test.images is not set (surefire sets it)");
        }
        return Path.of(images, "car.jpg");
    }

    /** An H.264 clip of {@code seconds * fps} frames. */
    public static Path make(Path dir, String name, double seconds, double fps, int width, int height) throws IOException {
        Path clip = dir.resolve(name);
        try (Mat image = Images.read(carJpg())) {
            DemoClip.write(image, clip, seconds, fps, width, height);
        }
        return clip;
    }
}
