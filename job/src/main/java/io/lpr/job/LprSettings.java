package io.lpr.job;

import static io.lpr.job.LprOptions.*;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.db.Database;
import io.lpr.detect.DetectorConfig;
import io.lpr.model.ModelDirectory;
import io.lpr.operator.BatchingConfig;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.track.TrackerConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/** The job's settings, read from a {@link Configuration} and checked once, before anything runs. */
public final class LprSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final ModelDirectory models;
    public final List<String> cameras;
    public final String camerasFile;
    public final boolean camerasTable;
    public final long camerasPollMs;
    public final double sampleFps;
    public final int frameWidth;
    public final int frameHeight;
    public final boolean realtime;
    public final CameraSpec.Transport transport;
    public final long streamTimeoutMs;
    public final Reconnect reconnect;
    public final DetectorConfig detector;
    public final BatchingConfig detectorBatching;
    public final RecognizerConfig recognizer;
    public final BatchingConfig recognizerBatching;
    public final TrackerConfig tracker;
    public final long outOfOrdernessMs;
    public final long idlenessMs;
    public final String sinkUrl;
    public final String sinkUser;
    public final String sinkPasswordEnv;

    private LprSettings(Configuration c) {
        models = ModelDirectory.resolve(c.get(MODELS_DIR));
        cameras = new ArrayList<>(c.getOptional(CAMERAS).orElse(List.of()));
        camerasFile = c.getOptional(CAMERAS_FILE).orElse(null);
        camerasTable = c.get(CAMERAS_TABLE);
        camerasPollMs = c.get(CAMERAS_POLL).toMillis();
        require(camerasPollMs > 0, "lpr.cameras-poll-interval must be positive");
        sampleFps = c.get(SAMPLE_FPS);
        frameWidth = c.get(FRAME_WIDTH);
        frameHeight = c.get(FRAME_HEIGHT);
        realtime = c.get(REALTIME);
        transport = c.get(TRANSPORT);
        streamTimeoutMs = c.get(STREAM_TIMEOUT).toMillis();
        reconnect = Reconnect.of(c.get(RECONNECT_INITIAL).toMillis(), c.get(RECONNECT_MAX).toMillis(),
                c.get(RECONNECT_MULTIPLIER));
        require(sampleFps >= 0, "lpr.camera.sample-fps must be >= 0, got " + sampleFps);
        require(frameWidth >= 0 && frameHeight >= 0 && (frameWidth == 0) == (frameHeight == 0),
                "lpr.camera.frame-width and -height must both be positive, or both 0 to keep the source size");

        detector = new DetectorConfig(c.get(DETECTOR_FORMAT), c.get(DETECTOR_FILE), c.get(DETECTOR_INPUT),
                c.get(DETECTOR_CONFIDENCE), c.get(DETECTOR_NMS_IOU), c.get(DETECTOR_TILES), c.get(DETECTOR_TILE_OVERLAP),
                c.get(DETECTOR_WHOLE_FRAME), c.get(DETECTOR_DEVICE), c.get(DETECTOR_THREADS));
        // A frame's tiles already go through the model together, so frames are not batched with each other.
        detectorBatching = new BatchingConfig(c.get(DETECTOR_WORKERS), 1, Duration.ZERO, c.get(DETECTOR_CAPACITY),
                c.get(DETECTOR_TIMEOUT), c.get(DETECTOR_MAX_FAILURES));

        recognizer = RecognizerConfig.DEFAULTS
                .withDevice(c.get(RECOGNIZER_DEVICE))
                .withMaxBatch(c.get(RECOGNIZER_MAX_BATCH))
                .withThreads(c.get(RECOGNIZER_THREADS));
        recognizerBatching = new BatchingConfig(c.get(RECOGNIZER_WORKERS), c.get(RECOGNIZER_MAX_BATCH),
                c.get(RECOGNIZER_MAX_DELAY), c.get(RECOGNIZER_CAPACITY), c.get(RECOGNIZER_TIMEOUT),
                c.get(RECOGNIZER_MAX_FAILURES));

        tracker = TrackerConfig.DEFAULTS
                .withPassageGapMs(c.get(PASSAGE_GAP).toMillis())
                .withMinFrames(c.get(MIN_FRAMES));
        outOfOrdernessMs = c.get(OUT_OF_ORDERNESS).toMillis();
        idlenessMs = c.get(IDLENESS).toMillis();

        sinkUrl = c.get(SINK_URL);
        sinkUser = c.getOptional(SINK_USER).orElse(null);
        sinkPasswordEnv = c.get(SINK_PASSWORD_ENV);
        require(sinkUrl.startsWith("jdbc:sqlite:") || sinkUrl.startsWith("jdbc:postgresql:"),
                "lpr.sink.jdbc-url must be jdbc:sqlite:FILE or jdbc:postgresql://..., got " + sinkUrl);
    }

    /** Reads and checks every setting; a bad one is an IllegalArgumentException naming it. */
    public static LprSettings from(Configuration configuration) {
        try {
            return new LprSettings(configuration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(rootMessage(e), e);
        }
    }

    /** Flink's own parse errors nest the useful line (which key, which value) inside. */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = message + ": " + t.getMessage();
            }
        }
        return message;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The sink database, its user and password resolved as for every command ({@link Database#resolve}). */
    public Database database() {
        return Database.resolve(sinkUrl, sinkUser, sinkPasswordEnv);
    }

    /** As {@link #database()}, from the sink settings alone: for commands that need nothing else. */
    public static Database database(Configuration c) {
        return Database.resolve(c.get(SINK_URL), c.getOptional(SINK_USER).orElse(null), c.get(SINK_PASSWORD_ENV));
    }

    /** The camera settings that apply wherever a camera's own entry leaves them out. */
    public CameraDefaults cameraDefaults() {
        return new CameraDefaults(sampleFps, frameWidth, frameHeight, transport, streamTimeoutMs, reconnect);
    }
}
