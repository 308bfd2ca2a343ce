package io.lpr.detect;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.lpr.model.Device;
import io.lpr.runtime.BatchingConfig;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * The detector's settings, {@code lpr.detector.*}: the model ({@link DetectorConfig}), the box shapes kept
 * ({@link PlateShape}) and how frames queue for it ({@link BatchingConfig}). Defaults come from those records.
 */
public final class DetectorOptions {
    private DetectorOptions() {}

    private static final DetectorConfig MODEL = DetectorConfig.DEFAULTS;
    private static final BatchingConfig QUEUE = BatchingConfig.DETECTOR_DEFAULTS;

    public static final ConfigOption<DetectorConfig.Format> FORMAT = key("lpr.detector.format")
            .enumType(DetectorConfig.Format.class).defaultValue(MODEL.format())
            .withDescription("Detector output layout: ONNX_END2END (NMS in graph), YOLOV5 or YOLOV8 (TorchScript).");
    public static final ConfigOption<String> MODEL_FILE = key("lpr.detector.model-file").stringType()
            .defaultValue(MODEL.modelFile()).withDescription("Detector file inside the model directory.");
    public static final ConfigOption<Integer> INPUT_SIZE = key("lpr.detector.input-size").intType()
            .defaultValue(MODEL.inputSize()).withDescription("Square input side of the detector, pixels.");
    public static final ConfigOption<Float> CONFIDENCE = key("lpr.detector.confidence").floatType()
            .defaultValue(MODEL.confidence()).withDescription("Lowest detector score kept; low, since the plate grammar"
                    + " and the recogniser's confidence floor reject junk.");
    public static final ConfigOption<Float> WATCH_CONFIDENCE = key("lpr.detector.watch-confidence").floatType()
            .defaultValue(MODEL.watchConfidence()).withDescription("Lowest score of a weak box: below"
                    + " lpr.detector.confidence it is no plate, but guided detection re-examines its region every frame"
                    + " while it is seen, as a tracked plate's. At most lpr.detector.confidence (equal: none).");
    public static final ConfigOption<Float> NMS_IOU = key("lpr.detector.nms-iou").floatType()
            .defaultValue(MODEL.nmsIou()).withDescription("IoU above which two boxes are one plate.");
    public static final ConfigOption<List<Integer>> TILE_SIZES = key("lpr.detector.tile-sizes").intType().asList()
            .defaultValues(MODEL.tileSizes().toArray(Integer[]::new))
            .withDescription("Tile sides in frame pixels (small plates need tiles); empty for whole frame only.");
    public static final ConfigOption<Float> TILE_OVERLAP = key("lpr.detector.tile-overlap").floatType()
            .defaultValue(MODEL.tileOverlap()).withDescription("Fraction of a tile shared with its neighbours.");
    public static final ConfigOption<Boolean> WHOLE_FRAME = key("lpr.detector.whole-frame").booleanType()
            .defaultValue(MODEL.wholeFrame()).withDescription("Also run the whole frame, for plates too big for a tile.");
    public static final ConfigOption<Device> DEVICE = key("lpr.detector.device").enumType(Device.class)
            .defaultValue(MODEL.device()).withDescription("cpu or gpu.");
    public static final ConfigOption<Integer> INTRA_OP_THREADS = key("lpr.detector.intra-op-threads").intType()
            .defaultValue(MODEL.intraOpThreads()).withDescription("ONNX Runtime threads per detector.");

    public static final ConfigOption<Float> MIN_ASPECT = key("lpr.detector.min-aspect").floatType()
            .defaultValue(PlateShape.DEFAULTS.minAspect()).withDescription("Boxes narrower (width/height) are not plates.");
    public static final ConfigOption<Float> MAX_ASPECT = key("lpr.detector.max-aspect").floatType()
            .defaultValue(PlateShape.DEFAULTS.maxAspect()).withDescription("Boxes wider (width/height) are not plates.");
    public static final ConfigOption<Float> MIN_WIDTH = key("lpr.detector.min-width").floatType()
            .defaultValue(PlateShape.DEFAULTS.minWidth()).withDescription("Boxes narrower than this (frame pixels) are dropped.");
    public static final ConfigOption<Float> MAX_WIDTH = key("lpr.detector.max-width").floatType()
            .defaultValue(PlateShape.DEFAULTS.maxWidth()).withDescription("Boxes wider than this (frame pixels) are dropped.");

    public static final ConfigOption<Integer> WORKERS = key("lpr.detector.workers").intType()
            .defaultValue(QUEUE.workers()).withDescription("Detector threads per task manager, each with its own predictor.");
    public static final ConfigOption<Integer> CAPACITY = key("lpr.detector.capacity").intType()
            .defaultValue(QUEUE.capacity())
            .withDescription("Frames in flight per detector subtask before it holds back the cameras. A frame is about a "
                    + "second of CPU work and a stop drains every one in flight, so keep it near lpr.detector.workers.");
    public static final ConfigOption<Duration> TIMEOUT = key("lpr.detector.timeout").durationType()
            .defaultValue(QUEUE.timeout())
            .withDescription("A frame the detector has not answered in this long counts as a failed request.");
    public static final ConfigOption<Integer> MAX_CONSECUTIVE_FAILURES = key("lpr.detector.max-consecutive-failures")
            .intType().defaultValue(QUEUE.maxConsecutiveFailures())
            .withDescription("A failed frame is logged, counted and skipped; this many in a row, none detected in "
                    + "between, mean a broken detector and fail the job.");

    /** The detector's queue; its batch is fixed (a frame's tiles already go through the model together). */
    public static final BatchingConfig.Keys BATCHING =
            new BatchingConfig.Keys("lpr.detector", QUEUE, WORKERS, null, null, CAPACITY, TIMEOUT,
                    MAX_CONSECUTIVE_FAILURES);
}
