package io.lpr.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * An H.264 MP4 recorder as the clip makers use it. The encoder is libopenh264, the only H.264 encoder in
 * the LGPL build of org.bytedeco:ffmpeg (libx264 is GPL-only and not in it).
 */
final class ClipRecorder {
    private ClipRecorder() {}

    /** A started recorder of {@code width x height} frames at {@code fps}, {@code bitsPerPixel} per pixel per frame. */
    static FFmpegFrameRecorder start(Path out, int width, int height, double fps, double bitsPerPixel)
            throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        // By name: asking for "H.264" could pick a hardware encoder where one is present.
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize((int) Math.max(1, Math.round(fps * 2)));
        recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, width * (double) height * fps * bitsPerPixel));
        // openh264 may drop frames to hold the bitrate; a clip must keep every frame.
        recorder.setVideoOption("allow_skip_frames", "0");
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            recorder.close();
            throw new IOException("cannot write clip " + out + ": " + e.getMessage(), e);
        }
        return recorder;
    }
}
