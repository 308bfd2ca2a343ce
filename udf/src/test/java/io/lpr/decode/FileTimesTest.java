package io.lpr.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video file's frames get the same event times on every run: from the container's creation time when it
 * has one, else from the file's modification time less its duration; offsets count from the first frame
 * whatever the stream's clock says; never the time of the run.
 */
class FileTimesTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithACreationTimeIsTimedFromIt() throws Exception {
        Path clip = write("created.mp4", "mp4", 0, "2026-11-01T08:00:00Z");
        List<Frame> first = read(clip);
        assertThat(first.get(0).eventTime).isEqualTo(Instant.parse("2026-11-01T08:00:00Z").toEpochMilli());
        assertThat(first.get(5).eventTime - first.get(0).eventTime).isEqualTo(500);
        assertThat(read(clip)).extracting(f -> f.eventTime).isEqualTo(first.stream().map(f -> f.eventTime).toList());
    }

    @Test
    void aTransportStreamWhoseClockStartsAnHourInIsTimedFromItsFirstFrameNotTheRun() throws Exception {
        Path clip = write("camera.ts", "mpegts", 3569_000_000L, null);
        long modified = Files.getLastModifiedTime(clip).toMillis();
        List<Frame> first = read(clip);
        Thread.sleep(5); // a run a moment later
        List<Frame> second = read(clip);

        assertThat(second).extracting(f -> f.eventTime).isEqualTo(first.stream().map(f -> f.eventTime).toList());
        assertThat(first.get(0).eventTime).as("the file's start: modified less the 1 s it lasts")
                .isBetween(modified - 1_200, modified - 800);
        assertThat(first.get(first.size() - 1).eventTime).as("never after the file was written").isLessThanOrEqualTo(modified);
    }

    @Test
    void theStartIsTheCreationTimeElseTheModificationTimeLessTheDuration() {
        assertThat(FileClock.startMillis(null, 10_000, 2_000_000)).isEqualTo(8_000);
        assertThat(FileClock.startMillis("2026-11-01T08:00:00.000000Z", 10_000, 0))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00Z").toEpochMilli());
        assertThat(FileClock.startMillis("1970-01-01T00:00:00Z", 10_000, 0)).as("a muxer's zero: no time").isEqualTo(10_000);
        assertThat(FileClock.startMillis("garbage", 10_000, 0)).isEqualTo(10_000);
        FrameClock clock = FrameClock.file(8_000, 10);
        assertThat(clock.eventTime(3569_000_000L, 0)).as("offsets count from the first frame").isEqualTo(8_000);
        assertThat(clock.eventTime(3569_400_000L, 0)).isEqualTo(8_400);
    }

    private Path write(String name, String format, long startMicros, String creationTime) throws IOException {
        Path clip = dir.resolve(name);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toFile(), 160, 120, 0)) {
            recorder.setFormat(format);
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(10);
            if (creationTime != null) {
                recorder.setMetadata("creation_time", creationTime);
            }
            recorder.start();
            org.bytedeco.javacv.Frame frame = new org.bytedeco.javacv.Frame(160, 120, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < 10; i++) {
                recorder.setTimestamp(startMicros + i * 100_000L);
                recorder.record(frame);
            }
            recorder.stop();
        }
        return clip;
    }

    private static List<Frame> read(Path clip) throws IOException {
        List<Frame> frames = new ArrayList<>();
        CameraSpec camera = CameraSpec.of("cam", clip.toString()).withSampleFps(0).withSize(0, 0);
        try (VideoDecoder decoder = VideoDecoder.open(camera, CameraSplit.NONE_EMITTED, CameraMetrics.unregistered())) {
            for (Frame frame; (frame = decoder.next()) != null; ) {
                frames.add(frame);
            }
        }
        assertThat(frames).hasSize(10);
        return frames;
    }
}
