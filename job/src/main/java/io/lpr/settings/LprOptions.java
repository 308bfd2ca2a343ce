package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Reconnect;
import io.lpr.db.Database;
import io.lpr.detect.DetectorConfig;
import io.lpr.guide.GuideConfig;
import io.lpr.model.Device;
import io.lpr.pipeline.BatchingConfig;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.track.TrackerConfig;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * Every setting of the job, typed, with its default and what it does. They are read from a YAML file
 * ({@code --config}), {@code --set key=value} flags and the CLI's own flags, and checked once by
 * {@link LprSettings} before the job is built.
 */
public final class LprOptions {
    private LprOptions() {}

    public static final ConfigOption<String> MODELS_DIR = key("lpr.models.dir").stringType().noDefaultValue()
            .withDescription("Directory with the model files. Unset: $LPR_MODELS_DIR, else models/weights.");

    public static final ConfigOption<List<String>> CAMERAS = key("lpr.cameras").stringType().asList().noDefaultValue()
            .withDescription("Cameras as id=path-or-url, e.g. gate1=/videos/gate1.mp4 or gate2=rtsp://host/stream.");
    public static final ConfigOption<String> CAMERAS_FILE = key("lpr.cameras-file").stringType().noDefaultValue()
            .withDescription("YAML file of cameras (id, url, enabled, fps, roi, ...), re-read while the job runs.");
    public static final ConfigOption<Boolean> CAMERAS_TABLE = key("lpr.cameras-table").booleanType().defaultValue(false)
            .withDescription("Also take cameras from the 'cameras' table of the sink database, re-read while the job runs.");
    public static final ConfigOption<Duration> CAMERAS_POLL = key("lpr.cameras-poll-interval").durationType()
            .defaultValue(Duration.ofSeconds(5)).withDescription("How often the cameras file and table are re-read.");
    public static final ConfigOption<Double> SAMPLE_FPS = key("lpr.camera.sample-fps").doubleType().defaultValue(5.0)
            .withDescription("Frames analysed per second of video, for cameras that do not set their own; 0 analyses every frame.");
    public static final ConfigOption<Integer> FRAME_WIDTH = key("lpr.camera.frame-width").intType()
            .defaultValue(CameraSpec.DEFAULT_WIDTH)
            .withDescription("Frames are resized to this width before detection (the reference used 1920x1080); 0 keeps the source size.");
    public static final ConfigOption<Integer> FRAME_HEIGHT = key("lpr.camera.frame-height").intType()
            .defaultValue(CameraSpec.DEFAULT_HEIGHT)
            .withDescription("Frames are resized to this height before detection; 0 keeps the source size.");
    public static final ConfigOption<Boolean> REALTIME = key("lpr.camera.realtime").booleanType().defaultValue(false)
            .withDescription("Play video files at their own frame rate instead of as fast as possible.");

    public static final ConfigOption<CameraSpec.Transport> TRANSPORT = key("lpr.camera.transport")
            .enumType(CameraSpec.Transport.class).defaultValue(CameraSpec.Transport.TCP)
            .withDescription("RTSP transport for cameras that do not set their own: TCP, or UDP (needs a lossless network).");
    public static final ConfigOption<Duration> STREAM_TIMEOUT = key("lpr.camera.timeout").durationType()
            .defaultValue(Duration.ofMillis(CameraSpec.DEFAULT_TIMEOUT_MILLIS))
            .withDescription("A live stream silent this long (connecting or reading) counts as disconnected.");
    public static final ConfigOption<Duration> RECONNECT_INITIAL = key("lpr.camera.reconnect.initial-delay")
            .durationType().defaultValue(Duration.ofMillis(Reconnect.DEFAULT.initialDelayMillis()))
            .withDescription("First wait before reconnecting a live stream; it grows after each failure, with jitter.");
    public static final ConfigOption<Duration> RECONNECT_MAX = key("lpr.camera.reconnect.max-delay")
            .durationType().defaultValue(Duration.ofMillis(Reconnect.DEFAULT.maxDelayMillis()))
            .withDescription("Longest wait between reconnects; streams that fail for good are retried at this rate.");
    public static final ConfigOption<Double> RECONNECT_MULTIPLIER = key("lpr.camera.reconnect.multiplier")
            .doubleType().defaultValue(Reconnect.DEFAULT.multiplier())
            .withDescription("How much the reconnect wait grows after each failure.");

    public static final ConfigOption<DetectorConfig.Format> DETECTOR_FORMAT = key("lpr.detector.format")
            .enumType(DetectorConfig.Format.class).defaultValue(DetectorConfig.DEFAULTS.format())
            .withDescription("Detector output layout: ONNX_END2END (NMS in graph), YOLOV5 or YOLOV8 (TorchScript).");
    public static final ConfigOption<String> DETECTOR_FILE = key("lpr.detector.model-file").stringType()
            .defaultValue(DetectorConfig.DEFAULTS.modelFile()).withDescription("Detector file inside the model directory.");
    public static final ConfigOption<Integer> DETECTOR_INPUT = key("lpr.detector.input-size").intType()
            .defaultValue(DetectorConfig.DEFAULTS.inputSize()).withDescription("Square input side of the detector, pixels.");
    public static final ConfigOption<Float> DETECTOR_CONFIDENCE = key("lpr.detector.confidence").floatType()
            .defaultValue(DetectorConfig.DEFAULTS.confidence()).withDescription("Lowest detector score kept; low, since the plate grammar and the recogniser's confidence floor reject junk.");
    public static final ConfigOption<Float> DETECTOR_WATCH_CONFIDENCE = key("lpr.detector.watch-confidence").floatType()
            .defaultValue(DetectorConfig.DEFAULTS.watchConfidence()).withDescription("Lowest score of a weak box: below"
                    + " lpr.detector.confidence it is no plate, but guided detection re-examines its region every frame"
                    + " while it is seen, as a tracked plate's. At most lpr.detector.confidence (equal: none).");
    public static final ConfigOption<Float> DETECTOR_NMS_IOU = key("lpr.detector.nms-iou").floatType()
            .defaultValue(DetectorConfig.DEFAULTS.nmsIou()).withDescription("IoU above which two boxes are one plate.");
    public static final ConfigOption<List<Integer>> DETECTOR_TILES = key("lpr.detector.tile-sizes").intType().asList()
            .defaultValues(DetectorConfig.DEFAULTS.tileSizes().toArray(Integer[]::new)).withDescription("Tile sides in frame pixels (small plates need tiles); empty for whole frame only.");
    public static final ConfigOption<Float> DETECTOR_TILE_OVERLAP = key("lpr.detector.tile-overlap").floatType()
            .defaultValue(DetectorConfig.DEFAULTS.tileOverlap()).withDescription("Fraction of a tile shared with its neighbours.");
    public static final ConfigOption<Boolean> DETECTOR_WHOLE_FRAME = key("lpr.detector.whole-frame").booleanType()
            .defaultValue(DetectorConfig.DEFAULTS.wholeFrame()).withDescription("Also run the whole frame, for plates too big for a tile.");
    public static final ConfigOption<Boolean> DETECTOR_GUIDED = key("lpr.detector.guided").booleanType()
            .defaultValue(GuideConfig.DEFAULTS.guided()).withDescription("Scan each camera's frames only around motion"
                    + " and tracked plates, plus a slow sweep of every tile; false scans the full tiling on every frame.");
    public static final ConfigOption<Duration> DETECTOR_SWEEP_PERIOD = key("lpr.detector.sweep-period").durationType()
            .defaultValue(Duration.ofMillis(GuideConfig.DEFAULTS.sweepPeriodMs())).withDescription("Guided detection"
                    + " still scans every tile and the whole frame at least this often, so parked cars are found.");
    public static final ConfigOption<Integer> DETECTOR_MOTION_HEIGHT = key("lpr.detector.motion-height").intType()
            .defaultValue(GuideConfig.DEFAULTS.motionHeight())
            .withDescription("Height in pixels of the shrunk grey frame motion is computed on.");
    public static final ConfigOption<Integer> DETECTOR_MOTION_THRESHOLD = key("lpr.detector.motion-threshold").intType()
            .defaultValue(GuideConfig.DEFAULTS.motionThreshold())
            .withDescription("Grey-level change (1..255) that counts as motion.");
    public static final ConfigOption<Duration> DETECTOR_TRACK_TTL = key("lpr.detector.track-ttl").durationType()
            .defaultValue(Duration.ofMillis(GuideConfig.DEFAULTS.trackTtlMs())).withDescription("Guided detection"
                    + " keeps scanning around a plate until it has been unseen this long.");
    public static final ConfigOption<Device> DETECTOR_DEVICE = key("lpr.detector.device").enumType(Device.class)
            .defaultValue(DetectorConfig.DEFAULTS.device()).withDescription("cpu or gpu.");
    public static final ConfigOption<Integer> DETECTOR_THREADS = key("lpr.detector.intra-op-threads").intType()
            .defaultValue(DetectorConfig.DEFAULTS.intraOpThreads()).withDescription("ONNX Runtime threads per detector.");
    public static final ConfigOption<Integer> DETECTOR_WORKERS = key("lpr.detector.workers").intType()
            .defaultValue(BatchingConfig.DEFAULTS.workers()).withDescription("Detector threads per task manager, each with its own predictor.");

    public static final ConfigOption<Integer> DETECTOR_CAPACITY = key("lpr.detector.capacity").intType()
            .defaultValue(BatchingConfig.DETECTOR_DEFAULTS.capacity())
            .withDescription("Frames in flight per detector subtask before it holds back the cameras. A frame is about a "
                    + "second of CPU work and a stop drains every one in flight, so keep it near lpr.detector.workers "
                    + "(64 made a stop take a minute).");
    public static final ConfigOption<Duration> DETECTOR_TIMEOUT = key("lpr.detector.timeout").durationType()
            .defaultValue(BatchingConfig.DEFAULTS.timeout())
            .withDescription("A frame the detector has not answered in this long counts as a failed request.");
    public static final ConfigOption<Integer> DETECTOR_MAX_FAILURES = key("lpr.detector.max-consecutive-failures")
            .intType().defaultValue(BatchingConfig.DEFAULTS.maxConsecutiveFailures())
            .withDescription("A failed frame is logged, counted and skipped; this many in a row, none detected in "
                    + "between, mean a broken detector and fail the job.");

    public static final ConfigOption<Device> RECOGNIZER_DEVICE = key("lpr.recognizer.device").enumType(Device.class)
            .defaultValue(RecognizerConfig.DEFAULTS.device()).withDescription("cpu or gpu.");
    public static final ConfigOption<Integer> RECOGNIZER_MAX_BATCH = key("lpr.recognizer.max-batch").intType()
            .defaultValue(RecognizerConfig.DEFAULTS.maxBatch()).withDescription("Most crops per recogniser call, across all cameras.");
    public static final ConfigOption<Duration> RECOGNIZER_MAX_DELAY = key("lpr.recognizer.max-delay").durationType()
            .defaultValue(BatchingConfig.DEFAULTS.maxDelay()).withDescription("Longest a crop waits for its batch to fill.");
    public static final ConfigOption<Integer> RECOGNIZER_WORKERS = key("lpr.recognizer.workers").intType()
            .defaultValue(BatchingConfig.DEFAULTS.workers()).withDescription("Recogniser threads per task manager, each with its own predictors.");
    public static final ConfigOption<Integer> RECOGNIZER_THREADS = key("lpr.recognizer.threads").intType()
            .defaultValue(RecognizerConfig.DEFAULTS.threads()).withDescription("PyTorch intra-op threads; 0 keeps PyTorch's default.");

    public static final ConfigOption<Integer> RECOGNIZER_CAPACITY = key("lpr.recognizer.capacity").intType()
            .defaultValue(BatchingConfig.DEFAULTS.capacity())
            .withDescription("Plate crops in flight per recogniser subtask before it holds back the detector.");
    public static final ConfigOption<Duration> RECOGNIZER_TIMEOUT = key("lpr.recognizer.timeout").durationType()
            .defaultValue(BatchingConfig.DEFAULTS.timeout())
            .withDescription("A crop the recogniser has not answered in this long counts as a failed request.");
    public static final ConfigOption<Integer> RECOGNIZER_MAX_FAILURES = key("lpr.recognizer.max-consecutive-failures")
            .intType().defaultValue(BatchingConfig.DEFAULTS.maxConsecutiveFailures())
            .withDescription("A failed crop is logged, counted and skipped; this many in a row, none read in "
                    + "between, mean a broken recogniser and fail the job.");

    public static final ConfigOption<Duration> PASSAGE_GAP = key("lpr.tracker.passage-gap").durationType()
            .defaultValue(Duration.ofMillis(TrackerConfig.DEFAULTS.passageGapMs())).withDescription("A passage ends when its plate is unseen this long.");
    public static final ConfigOption<Integer> MIN_FRAMES = key("lpr.tracker.min-frames").intType()
            .defaultValue(TrackerConfig.DEFAULTS.minFrames())
            .withDescription("Passages read in fewer frames are dropped as noise.");
    public static final ConfigOption<Duration> OUT_OF_ORDERNESS = key("lpr.watermark.out-of-orderness").durationType()
            .defaultValue(Duration.ofSeconds(1)).withDescription("How late a frame's reads may arrive.");
    public static final ConfigOption<Duration> IDLENESS = key("lpr.watermark.idleness").durationType()
            .defaultValue(Duration.ofSeconds(30)).withDescription("A camera silent this long stops holding back event time.");

    public static final ConfigOption<String> SINK_URL = key("lpr.sink.jdbc-url").stringType()
            .defaultValue(Database.DEFAULT_URL).withDescription("Events database: jdbc:sqlite:FILE or jdbc:postgresql://...");
    public static final ConfigOption<String> SINK_USER = key("lpr.sink.user").stringType().noDefaultValue()
            .withDescription("Database user (PostgreSQL).");
    public static final ConfigOption<String> SINK_PASSWORD_ENV = key("lpr.sink.password-env").stringType()
            .defaultValue(Database.DEFAULT_PASSWORD_ENV).withDescription("Environment variable holding the database password.");

    public static final ConfigOption<String> WORK_DIR = key("lpr.work-dir").stringType().defaultValue(".lpr")
            .withDescription("The tool's own folder for a local run: Flink's temporary files (deleted on exit), "
                    + "the checkpoints --resume continues from, the draining savepoints (deleted after a stop).");
    /**
     * How long a stop keeps trying, by default, while the job cannot drain because it is restarting after a
     * task failed (the events database away, say) or fails again while draining: the longest restart backoff
     * (30 s), the sink's retry window (60 s) and a drain, twice over.
     */
    private static final Duration DEFAULT_DRAIN_WAIT = Duration.ofMinutes(4);
    public static final ConfigOption<Duration> STOP_DRAIN_WAIT = key("lpr.stop.drain-wait").durationType()
            .defaultValue(DEFAULT_DRAIN_WAIT)
            .withDescription("How long a stop (Ctrl-C, SIGTERM) of a local run keeps trying to drain a job that is "
                    + "restarting (the events database away, say) before it cancels the job instead, keeping its "
                    + "checkpoints for --resume (exit status 75).");
}
