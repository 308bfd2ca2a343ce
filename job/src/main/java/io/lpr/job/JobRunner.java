package io.lpr.job;

import io.lpr.sink.Database;
import io.lpr.sink.EventStore;
import io.lpr.sink.PlateEventSinks;
import io.lpr.source.CameraSource;
import io.lpr.source.CameraMetrics;
import io.lpr.source.CameraSpec;
import io.lpr.source.CameraSplit;
import io.lpr.source.VideoDecoder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Checks everything a run needs up front, then builds the topology on the given environment and runs it. */
public final class JobRunner {
    private JobRunner() {}

    /** The cameras of the settings, each with the job-wide sampling and frame size applied. */
    public static List<CameraSpec> cameras(LprSettings settings) {
        if (settings.cameras.isEmpty()) {
            throw new IllegalArgumentException("no cameras: give --camera ID=PATH (or lpr.cameras in --config)");
        }
        List<CameraSpec> cameras = settings.cameras.stream()
                .map(CameraSpec::parse)
                .map(c -> c.withSampleFps(settings.sampleFps)
                        .withSize(settings.frameWidth, settings.frameHeight)
                        .withRealtime(settings.realtime))
                .toList();
        CameraSpec.requireUniqueIds(cameras);
        return cameras;
    }

    /** Fails with one line naming the file when a model is missing, before any Flink machinery starts. */
    public static void requireModels(LprSettings settings) {
        settings.models.file(settings.detector.modelFile);
        settings.models.file(settings.recognizer.stnFile());
        settings.models.file(settings.recognizer.lprnetFile());
    }

    /** Opens each video file once, so an unreadable one is a line naming the camera before the job starts. */
    public static void requireReadableVideos(List<CameraSpec> cameras) throws IOException {
        for (CameraSpec camera : cameras) {
            if (camera.isFile()) {
                VideoDecoder.open(camera, CameraSplit.NONE_EMITTED, CameraMetrics.unregistered()).close();
            }
        }
    }

    public static Database database(LprSettings settings) {
        return Database.of(settings.sinkUrl, settings.sinkUser, settings.sinkPassword());
    }

    /** Runs the job to its end: for file cameras, when the files end. */
    public static JobExecutionResult run(Configuration configuration, String jobName) throws Exception {
        return start(configuration, jobName).await();
    }

    /** Submits the job and returns at once; live cameras run until {@link RunningJob#stop()}. */
    public static RunningJob start(Configuration configuration, String jobName) throws Exception {
        LprSettings settings = LprSettings.from(configuration);
        List<CameraSpec> cameras = cameras(settings);
        requireModels(settings);
        requireReadableVideos(cameras);
        Database db = database(settings);
        EventStore.ensureSchema(db);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        LprTopology.build(env, CameraSource.of(cameras), settings, Map.of("jdbc", PlateEventSinks.jdbc(db)));
        return new RunningJob(env.executeAsync(jobName));
    }
}
