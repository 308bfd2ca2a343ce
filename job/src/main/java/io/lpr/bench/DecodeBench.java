package io.lpr.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lpr.camera.CameraSpec;
import io.lpr.decode.VideoDecoder;
import io.lpr.settings.LprSettings;
import io.lpr.status.CameraMetrics;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;

/**
 * Decoding speed against FFmpeg's own program making the same output from the same clip: the kept frames (its
 * {@code fps} filter) converted to BGR at the analysed size. Both are measured in CPU time (all threads) as well
 * as wall time: on a machine shared with other work, wall time says more about the neighbours than the decoder.
 */
final class DecodeBench {
    /** Decoded frames per CPU second and per wall second, ours and FFmpeg's, and the frames we kept. */
    record Result(double perCpuSecond, double perSecond, long kept, double ffmpegPerCpuSecond, double ffmpegPerSecond) {
        double ratio() {
            return perCpuSecond / ffmpegPerCpuSecond;
        }
    }

    private DecodeBench() {}

    /** The better of two runs: the first also pays for loading FFmpeg and compiling the decoder's Java code. */
    static Result measure(Path clip, LprSettings settings) throws Exception {
        Result first = measureOnce(clip, settings);
        Result second = measureOnce(clip, settings);
        return second.ratio() >= first.ratio() ? second : first;
    }

    private static Result measureOnce(Path clip, LprSettings settings) throws Exception {
        CameraSpec camera = CameraSpec.of("bench", clip.toString())
                .withSampleFps(settings.cameraDefaults().sampleFps()).withSize(settings.cameraDefaults().width(), settings.cameraDefaults().height());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CameraMetrics metrics = CameraMetrics.unregistered();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        try (VideoDecoder decoder = VideoDecoder.open(camera, -1, metrics)) {
            while (!decoder.isEndOfStream()) {
                decoder.poll();
            }
        }
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] ffmpeg = ffmpeg(clip, settings);
        long decoded = metrics.framesDecoded();
        return new Result(decoded / cpuSeconds, decoded / seconds, metrics.framesAnalysed(), decoded / ffmpeg[0],
                decoded / ffmpeg[1]);
    }

    /** FFmpeg's CPU seconds (user + system) and wall seconds for the same output, from its -benchmark line. */
    private static double[] ffmpeg(Path clip, LprSettings settings) throws Exception {
        List<String> filters = new ArrayList<>();
        if (settings.cameraDefaults().sampleFps() > 0) {
            filters.add("fps=" + settings.cameraDefaults().sampleFps());
        }
        if (settings.cameraDefaults().width() > 0) {
            filters.add("scale=" + settings.cameraDefaults().width() + ":" + settings.cameraDefaults().height() + ":flags=area");
        }
        filters.add("format=bgr24");
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Process process = new ProcessBuilder(ffmpeg, "-hide_banner", "-nostats", "-benchmark",
                        "-i", clip.toString(), "-vf", String.join(",", filters), "-f", "null", "-")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not decode " + clip + ": " + output.strip());
        }
        Matcher bench = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s").matcher(output);
        if (!bench.find()) {
            throw new IllegalStateException("unexpected ffmpeg output: " + output.strip());
        }
        return new double[] {Double.parseDouble(bench.group(1)) + Double.parseDouble(bench.group(2)),
            Double.parseDouble(bench.group(3))};
    }
}
