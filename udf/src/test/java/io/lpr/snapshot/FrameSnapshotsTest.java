package io.lpr.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.lpr.event.Snapshot;
import io.lpr.image.Images;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** A frame's snapshot: its size rule, its bounds, and the JPEG the encoder makes of the sample photo. */
class FrameSnapshotsTest {
    @Test
    void aWiderFrameIsScaledToTheWidthItsAspectKeptANarrowerOneKeepsItsSize() {
        SnapshotConfig config = SnapshotConfig.DEFAULTS;
        assertThat(config.sizeFor(1920, 1080)).containsExactly(1280, 720);
        assertThat(config.sizeFor(3840, 2160)).containsExactly(1280, 720);
        assertThat(config.withWidth(1920).sizeFor(3840, 2160)).containsExactly(1920, 1080);
        assertThat(config.sizeFor(2592, 1944)).containsExactly(1280, 960);
        assertThat(config.sizeFor(1280, 1024)).containsExactly(1280, 1024);
        assertThat(config.sizeFor(704, 576)).as("never enlarged").containsExactly(704, 576);
        assertThat(config.withWidth(1920).sizeFor(2560, 1440)).containsExactly(1920, 1080);
    }

    @Test
    void widthAndQualityOutsideTheirBoundsAreRefusedByName() {
        assertThatThrownBy(() -> SnapshotConfig.DEFAULTS.withWidth(640)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lpr.snapshot.width must be from 1280 to 1920, got 640");
        assertThatThrownBy(() -> SnapshotConfig.DEFAULTS.withWidth(3840)).hasMessageContaining("got 3840");
        assertThatThrownBy(() -> SnapshotConfig.DEFAULTS.withQuality(95))
                .hasMessage("lpr.snapshot.quality must be from 30 to 90, got 95");
        assertThatThrownBy(() -> SnapshotConfig.DEFAULTS.withQuality(10)).hasMessageContaining("got 10");
    }

    @Test
    void theSamplePhotoAt1920IsA1280JpegThatDecodesTheSameEveryTime() throws Exception {
        try (Mat photo = Images.read(Path.of(System.getProperty("lpr.test.images"), "car.jpg"));
                Mat frame = Images.resized(photo, 1920, 1080, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR)) {
            FrameSnapshots snapshots = new FrameSnapshots(SnapshotConfig.DEFAULTS);
            Snapshot s = snapshots.of(frame);
            assertThat(new int[] {s.width, s.height, s.sourceWidth, s.sourceHeight}).containsExactly(1280, 720, 1920, 1080);
            try (Mat decoded = Images.decode(s.jpeg)) {
                assertThat(decoded.cols()).isEqualTo(1280);
                assertThat(decoded.rows()).isEqualTo(720);
            }
            assertThat(s.jpeg.length).as("a photo at 1280x720, quality 80").isBetween(20_000, 400_000);
            assertThat(snapshots.of(frame).jpeg).as("a replayed frame gives the same bytes").isEqualTo(s.jpeg);
            assertThat(new FrameSnapshots(SnapshotConfig.DEFAULTS.withQuality(40)).of(frame).jpeg.length)
                    .as("lower quality, fewer bytes").isLessThan(s.jpeg.length);
        }
    }

    /** The documented bound: even pure noise, the worst case for JPEG, at the widest and best settings. */
    @Test
    void noSnapshotIsLargerThanTheBoundTheSettingsAllow() {
        byte[] noise = new byte[3840 * 2160 * 3];
        new Random(1).nextBytes(noise);
        try (Mat frame = Images.fromBgr(noise, 3840, 2160)) {
            SnapshotConfig widest = SnapshotConfig.DEFAULTS.withWidth(SnapshotConfig.MAX_WIDTH)
                    .withQuality(SnapshotConfig.MAX_QUALITY);
            Snapshot s = new FrameSnapshots(widest).of(frame);
            assertThat(s.width).isEqualTo(1920);
            assertThat(s.jpeg.length).isLessThan(1_500_000);
        }
    }

    @Test
    void aNarrowFrameIsEncodedAtItsOwnSizeAndNothingIsMadeWhenOff() {
        try (Mat frame = new Mat(480, 640, CV_8UC3, new Scalar(40, 120, 200, 0))) {
            Snapshot s = new FrameSnapshots(SnapshotConfig.DEFAULTS).of(frame);
            assertThat(new int[] {s.width, s.height, s.sourceWidth, s.sourceHeight}).containsExactly(640, 480, 640, 480);
            try (Mat decoded = Images.decode(s.jpeg)) {
                assertThat(decoded.cols()).isEqualTo(640);
            }
            assertThat(new FrameSnapshots(SnapshotConfig.OFF).of(frame)).isNull();
        }
    }
}
