package io.lpr.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.event.Frame;
import io.lpr.image.Images;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoDecoderTest {
    private static final long BASE = 1_700_000_000_000L;

    @TempDir
    static Path dir;

    /** 3 s at 10 fps, 320x240. */
    private static Path clip;

    @BeforeAll
    static void makeClip() throws IOException {
        clip = TestClips.make(dir, "clip.mp4", 3, 10, 320, 240);
    }

    private static CameraSpec camera() {
        return CameraSpec.of("cam", clip.toString());
    }

    private static List<Frame> readAll(CameraSpec camera, long resumeAfter, CameraMetrics metrics) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoder.open(camera, resumeAfter, metrics)) {
            for (Frame frame; (frame = decoder.next()) != null; ) {
                frames.add(frame);
            }
            assertThat(decoder.isEndOfStream()).isTrue();
        }
        return frames;
    }

    @Test
    void sampling5FpsOf10FpsKeepsEveryOtherFrameWithStreamEventTimes() throws IOException {
        CameraMetrics metrics = CameraMetrics.unregistered();
        List<Frame> frames = readAll(camera().withSampleFps(5).withSize(0, 0), CameraSplit.NONE_EMITTED, metrics);

        assertThat(frames).hasSize(15);
        assertThat(metrics.framesDecoded()).isEqualTo(30);
        assertThat(metrics.framesAnalysed()).isEqualTo(15);
        assertThat(metrics.decodeErrors()).isZero();
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            assertThat(frame.cameraId).isEqualTo("cam");
            assertThat(frame.sequence).isEqualTo(2L * i);
            assertThat(frame.eventTime - frames.get(0).eventTime).isEqualTo(200L * i);
            assertThat(frame.width).isEqualTo(320);
            assertThat(frame.height).isEqualTo(240);
            assertThat(frame.pixels).hasSize(320 * 240 * 3);
        }
    }

    @Test
    void everyFrameAndResizeByDefault() throws IOException {
        List<Frame> frames =
                readAll(camera().withSize(640, 360), CameraSplit.NONE_EMITTED, CameraMetrics.unregistered());
        assertThat(frames).hasSize(30);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.width).isEqualTo(640);
            assertThat(f.height).isEqualTo(360);
            assertThat(f.pixels).hasSize(640 * 360 * 3);
        });
        assertThat(frames).extracting(f -> f.eventTime).isSorted().doesNotHaveDuplicates();
    }

    /** The decoder converts kept frames itself; the pixels must be what JavaCV's own conversion gives. */
    @Test
    void pixelsMatchJavaCvsBgrConversion() throws Exception {
        CameraSpec camera = camera().withSize(0, 0);
        try (VideoDecoder decoder = VideoDecoder.open(camera, CameraSplit.NONE_EMITTED, CameraMetrics.unregistered());
                FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            for (int i = 0; i < 3; i++) {
                Frame frame = decoder.next();
                byte[] expected = Images.toBgr(converter.convert(grabber.grabImage()));
                assertThat(frame.pixels).isEqualTo(expected);
            }
        }
    }

    @Test
    void resumingAfterAFrameContinuesExactlyWithTheNextOne() throws IOException {
        CameraSpec camera = camera().withSampleFps(3).withSize(0, 0);
        List<Frame> all = readAll(camera, CameraSplit.NONE_EMITTED, CameraMetrics.unregistered());
        int cut = 4;
        List<Frame> rest = readAll(camera, all.get(cut).sequence, CameraMetrics.unregistered());

        assertThat(rest).extracting(f -> f.sequence)
                .containsExactlyElementsOf(all.subList(cut + 1, all.size()).stream().map(f -> f.sequence).toList());
        assertThat(rest.get(0).pixels).isEqualTo(all.get(cut + 1).pixels);
        assertThat(rest.get(0).eventTime).isEqualTo(all.get(cut + 1).eventTime);
    }

    @Test
    void missingPathGivesOneLine() {
        CameraSpec camera = CameraSpec.of("gate", dir.resolve("nothing.mp4").toString());
        assertThatThrownBy(() -> VideoDecoder.open(camera, -1, CameraMetrics.unregistered()))
                .isInstanceOf(IOException.class)
                .hasMessage("camera gate: no such video file: " + dir.resolve("nothing.mp4"));
    }

    @Test
    void garbageFileGivesOneLine() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.mp4"), garbage);
        CameraSpec camera = CameraSpec.of("gate", file.toString());
        assertThatThrownBy(() -> VideoDecoder.open(camera, -1, CameraMetrics.unregistered()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("camera gate: not a video FFmpeg can read: " + file + " (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void audioOnlyFileHasNoVideoStream() throws Exception {
        Path wav = dir.resolve("tone.wav");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(wav.toFile(), 1)) {
            recorder.setFormat("wav");
            recorder.setSampleRate(8000);
            recorder.start();
            recorder.recordSamples(ShortBuffer.wrap(new short[8000]));
            recorder.stop();
        }
        CameraSpec camera = CameraSpec.of("gate", wav.toString());
        assertThatThrownBy(() -> VideoDecoder.open(camera, -1, CameraMetrics.unregistered()))
                .hasMessage("camera gate: no video stream in " + wav);
    }

    @Test
    void directoryIsNotAVideo() {
        CameraSpec camera = CameraSpec.of("gate", dir.toString());
        assertThatThrownBy(() -> VideoDecoder.open(camera, -1, CameraMetrics.unregistered()))
                .hasMessage("camera gate: not a readable file: " + dir);
    }

    /** Damage in the middle of the file costs frames at most; decoding goes on to the end. */
    @Test
    void corruptDataMidStreamIsNotFatal() throws IOException {
        byte[] bytes = Files.readAllBytes(clip);
        Random random = new Random(7);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 2000; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        Path damaged = Files.write(dir.resolve("damaged.mp4"), bytes);
        CameraMetrics metrics = CameraMetrics.unregistered();
        List<Frame> frames = readAll(CameraSpec.of("cam", damaged.toString()).withSize(0, 0), -1, metrics);
        assertThat(metrics.framesAnalysed()).isEqualTo(frames.size());
        assertThat(frames).hasSizeGreaterThan(20);
        assertThat(frames).extracting(f -> f.sequence).isSorted().doesNotHaveDuplicates();
    }

    /**
     * A run of ten packets of garbage a second into the clip: FFmpeg drops what it cannot decode (up to the next
     * keyframe), and the camera goes on to the end of the file, its frames in order, the gap kept in event time.
     */
    @Test
    void aRunOfBadFramesMidStreamCostsThoseFramesAndDecodingGoesOn() throws IOException {
        Path clip10s = TestClips.make(dir, "ten-seconds.mp4", 10, 10, 320, 240);
        Path damaged = withGarbagePackets(clip10s, dir.resolve("bad-run.mp4"), 10, 10);
        CameraMetrics metrics = CameraMetrics.unregistered();
        List<Frame> frames = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoder.open(
                CameraSpec.of("cam", damaged.toString()).withSize(0, 0),
                CameraSplit.NONE_EMITTED, metrics)) {
            for (Frame f; (f = decoder.next()) != null; ) {
                frames.add(f);
            }
            assertThat(decoder.isEndOfStream()).isTrue();
            assertThat(decoder.endReason()).as("a file that ends is not a broken stream").isNull();
        }
        assertThat(frames).hasSizeLessThanOrEqualTo(90).hasSizeGreaterThanOrEqualTo(20);
        assertThat(frames).extracting(f -> f.sequence).isSorted().doesNotHaveDuplicates();
        long start = frames.get(0).eventTime; // the file's own start (FileClock)
        assertThat(frames).extracting(f -> f.eventTime).isSorted().doesNotHaveDuplicates()
                .startsWith(start, start + 100)
                .anyMatch(t -> t >= start + 9_000);
        long longestGap = 0;
        for (int i = 1; i < frames.size(); i++) {
            longestGap = Math.max(longestGap, frames.get(i).eventTime - frames.get(i - 1).eventTime);
        }
        assertThat(longestGap).as("the lost run shows as a gap in event time").isGreaterThanOrEqualTo(1_000);
        assertThat(metrics.framesAnalysed()).isEqualTo(frames.size());
    }

    /** The clip with the data of {@code count} video packets from {@code first} on replaced by random bytes. */
    private static Path withGarbagePackets(Path source, Path target, int first, int count) throws IOException {
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(source.toFile())) {
            in.start();
            try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.toFile(), in.getImageWidth(),
                    in.getImageHeight(), 0)) {
                out.setFormat("mp4");
                out.setVideoCodec(in.getVideoCodec());
                out.setFrameRate(in.getFrameRate());
                out.start(in.getFormatContext());
                Random random = new Random(11);
                AVPacket packet;
                for (int i = 0; (packet = in.grabPacket()) != null; i++) {
                    if (i >= first && i < first + count) {
                        byte[] garbage = new byte[packet.size()];
                        random.nextBytes(garbage);
                        packet.data().position(0).put(garbage);
                    }
                    out.recordPacket(packet);
                }
            }
        }
        return target;
    }

    /** Frames of a region of interest are that region of the full frame, resized after cropping. */
    @Test
    void regionOfInterestIsCroppedBeforeResizing() throws IOException {
        CameraSpec full = camera().withSize(0, 0);
        Roi roi = Roi.of(40, 30, 200, 100);
        Frame whole;
        Frame region;
        Frame regionResized;
        try (VideoDecoder a = VideoDecoder.open(full, -1, CameraMetrics.unregistered());
                VideoDecoder b = VideoDecoder.open(full.withRoi(roi), -1, CameraMetrics.unregistered());
                VideoDecoder c = VideoDecoder.open(full.withRoi(roi).withSize(100, 50), -1,
                        CameraMetrics.unregistered())) {
            whole = a.next();
            region = b.next();
            regionResized = c.next();
        }
        assertThat(region.width).isEqualTo(200);
        assertThat(region.height).isEqualTo(100);
        try (Mat wholeMat = Images.fromBgr(whole.pixels, whole.width, whole.height);
                Mat crop = new Mat(wholeMat, new Rect(40, 30, 200, 100))) {
            assertThat(region.pixels).isEqualTo(Images.toBgr(crop));
        }
        assertThat(regionResized.width).isEqualTo(100);
        assertThat(regionResized.height).isEqualTo(50);
        assertThat(regionResized.pixels).hasSize(100 * 50 * 3);
    }

    @Test
    void regionOfInterestOutsideThePictureIsRefused() {
        CameraSpec camera = camera().withRoi(Roi.of(300, 0, 100, 100));
        assertThatThrownBy(() -> VideoDecoder.open(camera, -1, CameraMetrics.unregistered()))
                .isInstanceOf(IOException.class)
                .hasMessage("camera cam: region of interest 300,0,100,100 does not fit its 320x240 picture");
    }
}
