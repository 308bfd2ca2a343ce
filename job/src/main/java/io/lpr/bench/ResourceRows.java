package io.lpr.bench;

import io.lpr.detect.DetectorModel;
import io.lpr.guide.GuideConfig;
import io.lpr.recognize.RecognizerModel;
import io.lpr.settings.LprSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bench's rows for what the job costs beyond speed: CPU time per stage, memory, latency. */
final class ResourceRows {
    private ResourceRows() {}

    /**
     * CPU time per stage on the static camera (per analysed frame) and on a sparse-traffic street (per second of
     * video), and the cameras at the analysed rate that the machine's cores could take if CPU time were all.
     */
    static List<String[]> cpu(LprSettings settings, double seconds, Path images, Path dir, Path clip, double clipSeconds,
            DetectorModel detector, RecognizerModel recognizer, PrintWriter err) throws Exception {
        List<String[]> rows = new ArrayList<>();
        err.println("lpr: CPU time per stage, static camera and sparse traffic ...");
        err.flush();
        GuideConfig guide = settings.guide().guided() ? settings.guide() : GuideConfig.DEFAULTS;
        CpuBench.Result still = CpuBench.measure(clip, clipSeconds, settings, guide, detector, recognizer);
        for (StageCpu.Stage stage : StageCpu.Stage.values()) {
            rows.add(new String[] {"CPU, static camera, guided: " + stage.label,
                String.format("%.1f cpu-ms per analysed frame", still.msPerFrame(stage)), "",
                String.format("%.0f%%", 100 * still.msPerFrame(stage) / still.totalMsPerFrame())});
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double fps = settings.cameraDefaults().sampleFps() > 0 ? settings.cameraDefaults().sampleFps() : StageBench.CLIP_FPS;
        double cameras = cores * 1000 / (still.totalMsPerFrame() * fps);
        rows.add(new String[] {"CPU, static camera, guided: all four stages",
            String.format("%.1f cpu-ms per frame (%.1f calls, %d crops skipped as sure)", still.totalMsPerFrame(),
                    still.callsPerFrame(), still.cropsSkipped()), "",
            String.format("%.1f cameras at %.1f fps on %d cores", cameras, fps, cores)});

        double sparseSeconds = Math.max(clipSeconds, seconds * 2);
        Path sparse = CpuBench.writeSparseClip(images, dir, sparseSeconds);
        CpuBench.Result quiet = CpuBench.measure(sparse, sparseSeconds, settings, guide, detector, recognizer);
        StringBuilder stages = new StringBuilder();
        for (StageCpu.Stage stage : StageCpu.Stage.values()) {
            stages.append(stages.length() == 0 ? "" : " / ").append(String.format("%.0f", quiet.msPerVideoSecond(stage)));
        }
        rows.add(new String[] {String.format("CPU, sparse traffic (a car every %.0f s, %.0f s), guided",
                    CpuBench.SPARSE_GAP_SECONDS, sparseSeconds),
            String.format("%.0f cpu-ms per s of video, %.2f calls per frame", quiet.totalMsPerVideoSecond(),
                    quiet.callsPerFrame()), "", "decode/guide/detector/recogniser " + stages + " ms"});
        return rows;
    }

    /** Peak RSS of 1, 2 and 4 live cameras and the latency of their passages and alerts (each run its own process). */
    static List<String[]> live(List<String> settingsArguments, Path photo, Path dir, PrintWriter err) throws Exception {
        List<String[]> rows = new ArrayList<>();
        Path images = photo.toAbsolutePath().getParent();
        if (!Files.isRegularFile(images.resolve(StageBench.SECOND_PHOTO))) {
            err.println("lpr: no " + StageBench.SECOND_PHOTO + " beside " + photo + ": memory and latency figures skipped");
            return rows;
        }
        Path liveDir = Files.createDirectories(dir.resolve("live"));
        Path clip = GuidedBench.writeClip(images, liveDir, StageBench.STATIC_CLIP_SECONDS);
        LiveBench.Result live = LiveBench.measure(settingsArguments, clip, StageBench.STATIC_CLIP_SECONDS, liveDir, err);
        StringBuilder counts = new StringBuilder();
        StringBuilder mib = new StringBuilder();
        for (int i = 0; i < LiveBench.CAMERAS.length; i++) {
            counts.append(i == 0 ? "" : " / ").append(LiveBench.CAMERAS[i]);
            mib.append(i == 0 ? "" : " / ").append(live.peakRssMiB()[i]);
        }
        rows.add(new String[] {"memory, peak RSS of lpr run, " + counts + " live cameras (real time)",
            mib + " MiB", "", ""});
        rows.add(latency("latency, passage's last frame to its row, p50 / p99", live.latenciesMs(), "passages"));
        rows.add(latency("latency, alert's frame to the webhook's request, p50 / p99", live.alertLatenciesMs(), "alerts"));
        return rows;
    }

    private static String[] latency(String name, List<Long> millis, String what) {
        if (millis.isEmpty()) {
            return new String[] {name, "no " + what.substring(0, what.length() - 1) + " arrived", "", ""};
        }
        Percentiles p = new Percentiles(millis);
        return new String[] {name, String.format("%.2f / %.2f s (%d %s)", p.at(50) / 1000.0, p.at(99) / 1000.0, p.count(),
            what), "", ""};
    }

}
