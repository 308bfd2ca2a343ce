package io.lpr.settings;

import static io.lpr.settings.LprOptions.*;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.camera.StreamUrls;
import io.lpr.db.Database;
import io.lpr.dedup.DedupConfig;
import io.lpr.detect.DetectorConfig;
import io.lpr.guide.GuideConfig;
import io.lpr.detect.PlateShape;
import io.lpr.model.ModelDirectory;
import io.lpr.pipeline.BatchingConfig;
import io.lpr.recognize.ReadingPolicy;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.track.TrackerConfig;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.flink.configuration.Configuration;

/** The job's settings, read from a {@link Configuration} and checked once, before anything runs. */
public record LprSettings(
        ModelDirectory models,
        List<String> cameras,
        String camerasFile,
        boolean camerasTable,
        long camerasPollMs,
        double sampleFps,
        int frameWidth,
        int frameHeight,
        boolean realtime,
        CameraSpec.Transport transport,
        long streamTimeoutMs,
        Reconnect reconnect,
        DetectorConfig detector,
        GuideConfig guide,
        BatchingConfig detectorBatching,
        RecognizerConfig recognizer,
        BatchingConfig recognizerBatching,
        TrackerConfig tracker,
        PlateShape plateShape,
        ReadingPolicy reading,
        DedupConfig dedup,
        long outOfOrdernessMs,
        long idlenessMs,
        String sinkUrl,
        String sinkUser,
        String sinkPasswordEnv) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reads and checks every setting; a bad one is an IllegalArgumentException naming it. */
    public static LprSettings from(Configuration configuration) {
        try {
            return read(configuration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(rootMessage(e), e);
        }
    }

    /** The checks run here, in the order the settings are read, so the first bad one is the one named. */
    private static LprSettings read(Configuration c) {
        ModelDirectory models = ModelDirectory.resolve(c.get(MODELS_DIR));
        List<String> cameras = new ArrayList<>(c.getOptional(CAMERAS).orElse(List.of()));
        String camerasFile = c.getOptional(CAMERAS_FILE).orElse(null);
        boolean camerasTable = c.get(CAMERAS_TABLE);
        long camerasPollMs = c.get(CAMERAS_POLL).toMillis();
        require(camerasPollMs > 0, "lpr.cameras-poll-interval must be positive");
        double sampleFps = c.get(SAMPLE_FPS);
        int frameWidth = c.get(FRAME_WIDTH);
        int frameHeight = c.get(FRAME_HEIGHT);
        boolean realtime = c.get(REALTIME);
        CameraSpec.Transport transport = c.get(TRANSPORT);
        long streamTimeoutMs = c.get(STREAM_TIMEOUT).toMillis();
        Reconnect reconnect = Reconnect.of(c.get(RECONNECT_INITIAL).toMillis(), c.get(RECONNECT_MAX).toMillis(),
                c.get(RECONNECT_MULTIPLIER));
        require(sampleFps >= 0, "lpr.camera.sample-fps must be >= 0, got " + sampleFps);
        require(frameWidth >= 0 && frameHeight >= 0 && (frameWidth == 0) == (frameHeight == 0),
                "lpr.camera.frame-width and -height must both be positive, or both 0 to keep the source size");

        DetectorConfig detector = new DetectorConfig(c.get(DETECTOR_FORMAT), c.get(DETECTOR_FILE), c.get(DETECTOR_INPUT),
                c.get(DETECTOR_CONFIDENCE), c.get(DETECTOR_WATCH_CONFIDENCE), c.get(DETECTOR_NMS_IOU), c.get(DETECTOR_TILES), c.get(DETECTOR_TILE_OVERLAP),
                c.get(DETECTOR_WHOLE_FRAME), c.get(DETECTOR_DEVICE), c.get(DETECTOR_THREADS));
        GuideConfig guide = new GuideConfig(c.get(DETECTOR_GUIDED), c.get(DETECTOR_SWEEP_PERIOD).toMillis(),
                c.get(DETECTOR_MOTION_HEIGHT), c.get(DETECTOR_MOTION_THRESHOLD), c.get(DETECTOR_TRACK_TTL).toMillis());
        BatchingConfig detectorBatching = new BatchingConfig(c.get(DETECTOR_WORKERS),
                BatchingConfig.DETECTOR_DEFAULTS.maxBatch(), BatchingConfig.DETECTOR_DEFAULTS.maxDelay(),
                c.get(DETECTOR_CAPACITY), c.get(DETECTOR_TIMEOUT), c.get(DETECTOR_MAX_FAILURES));

        RecognizerConfig recognizer = RecognizerConfig.DEFAULTS
                .withDevice(c.get(RECOGNIZER_DEVICE))
                .withMaxBatch(c.get(RECOGNIZER_MAX_BATCH))
                .withThreads(c.get(RECOGNIZER_THREADS));
        BatchingConfig recognizerBatching = new BatchingConfig(c.get(RECOGNIZER_WORKERS), c.get(RECOGNIZER_MAX_BATCH),
                c.get(RECOGNIZER_MAX_DELAY), c.get(RECOGNIZER_CAPACITY), c.get(RECOGNIZER_TIMEOUT),
                c.get(RECOGNIZER_MAX_FAILURES));

        TrackerConfig tracker = TrackerConfig.DEFAULTS
                .withPassageGapMs(c.get(PASSAGE_GAP).toMillis())
                .withMinFrames(c.get(MIN_FRAMES));
        PlateShape plateShape = PlateOptions.plateShape(c);
        ReadingPolicy reading = PlateOptions.reading(c);
        DedupConfig dedup = PlateOptions.dedup(c, tracker.passageGapMs());
        long outOfOrdernessMs = c.get(OUT_OF_ORDERNESS).toMillis();
        long idlenessMs = c.get(IDLENESS).toMillis();

        String sinkUrl = c.get(SINK_URL);
        String sinkUser = c.getOptional(SINK_USER).orElse(null);
        String sinkPasswordEnv = c.get(SINK_PASSWORD_ENV);
        requireJdbcUrl(sinkUrl);
        return new LprSettings(models, cameras, camerasFile, camerasTable, camerasPollMs, sampleFps, frameWidth,
                frameHeight, realtime, transport, streamTimeoutMs, reconnect, detector, guide, detectorBatching,
                recognizer, recognizerBatching, tracker, plateShape, reading, dedup, outOfOrdernessMs, idlenessMs,
                sinkUrl, sinkUser, sinkPasswordEnv);
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

    /** One rule for every command that names the database ({@code run --sink}, {@code query --db}, ...). */
    private static void requireJdbcUrl(String url) {
        require(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"), "the database must be a JDBC URL, "
                + "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, got '" + Database.mask(url) + "' (--sink, --db, lpr.sink.jdbc-url)");
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
        requireJdbcUrl(c.get(SINK_URL));
        return Database.resolve(c.get(SINK_URL), c.getOptional(SINK_USER).orElse(null), c.get(SINK_PASSWORD_ENV));
    }

    /** The camera settings that apply wherever a camera's own entry leaves them out. */
    public CameraDefaults cameraDefaults() {
        return new CameraDefaults(sampleFps, frameWidth, frameHeight, transport, streamTimeoutMs, reconnect);
    }

    /** As a record's, but camera and database URLs may carry passwords: those are masked, so it is safe to log. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "LprSettings[", "]");
        for (RecordComponent component : LprSettings.class.getRecordComponents()) {
            try {
                text.add(component.getName() + "=" + component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return StreamUrls.mask(text.toString());
    }
}
