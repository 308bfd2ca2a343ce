package io.lpr.bench;

import io.lpr.camera.CameraOptions;
import io.lpr.db.SinkOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.db.Database;
import io.lpr.image.Images;
import io.lpr.job.JobConfiguration;
import io.lpr.job.JobRunner;
import io.lpr.settings.LprSettings;
import io.lpr.job.RunningJob;
import io.lpr.local.LocalRun;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.video.DemoClip;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How long the stop that SIGTERM and Ctrl-C make takes: {@value #CAMERAS} live cameras (a clip played in real
 * time) run as {@code ./lpr run} runs them, each with a few frames handed on to the models, then the job is
 * stopped the same way (a draining stop with a final savepoint: every open passage becomes an event, the sink
 * flushes). The time is from the stop's request to the job's end; what is in flight decides it.
 */
final class StopBench {
    static final int CAMERAS = 5;
    /** Frames each camera has handed on before the stop, as in RunCommandSignalTest. */
    static final int FRAMES_HANDED_ON = 3;
    /** The live clip: long enough that no camera reaches its end before the stop; one frame a second. */
    private static final double CLIP_SECONDS = 60;
    private static final double CLIP_FPS = 1;

    record Result(int cameras, double seconds) {}

    private StopBench() {}

    /** Runs the live cameras in {@code dir} (clip, events database), stops them and times the stop. */
    static Result measure(StageBench.Settings settingsOptions, Path photo, Path dir, PrintWriter err) throws Exception {
        LprSettings settings = LprSettings.from(settingsOptions.configuration().build());
        Path clip = dir.resolve("live.mp4");
        try (Mat mat = Images.read(photo)) {
            DemoClip.write(mat, clip, CLIP_SECONDS, CLIP_FPS, settings.cameraDefaults().width(), settings.cameraDefaults().height());
        }
        String sink = "jdbc:sqlite:" + dir.resolve("stop.db");
        List<String> cameras = new ArrayList<>();
        for (int i = 1; i <= CAMERAS; i++) {
            cameras.add("live" + i + "=" + clip);
        }
        JobConfiguration live = settingsOptions.configuration()
                .set(SourceOptions.CAMERAS.key(), cameras)
                .set(SinkOptions.JDBC_URL.key(), sink)
                .set(CameraOptions.REALTIME.key(), "true");
        Configuration configuration = live.build();
        try (LocalRun local = LocalRun.of(configuration, null, err)) {
            RunningJob job = JobRunner.start(configuration, "lpr-bench-stop", local::open);
            local.started(job);
            awaitFramesHandedOn(Database.of(sink, null, null));
            long start = System.nanoTime();
            job.stop();
            job.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            local.endedCleanly();
            return new Result(CAMERAS, seconds);
        }
    }

    /** Until every camera has handed on {@value #FRAMES_HANDED_ON} frames, as its camera_status row says. */
    private static void awaitFramesHandedOn(Database db) throws InterruptedException {
        CameraStatusTable status = new CameraStatusTable(db);
        long deadline = System.nanoTime() + (long) (CLIP_SECONDS * 1e9);
        while (fewestHandedOn(status) < FRAMES_HANDED_ON) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live cameras did not hand on " + FRAMES_HANDED_ON
                        + " frames each within the clip's " + CLIP_SECONDS + " s");
            }
            Thread.sleep(100);
        }
    }

    private static long fewestHandedOn(CameraStatusTable status) {
        try {
            List<CameraStatus> cameras = status.list();
            return cameras.size() < CAMERAS ? 0
                    : cameras.stream().mapToLong(CameraStatus::framesAnalysed).min().orElse(0);
        } catch (RuntimeException e) {
            return 0; // the job has not created the table yet
        }
    }
}
