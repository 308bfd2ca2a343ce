package io.lpr.recognize;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.lpr.model.Device;
import io.lpr.runtime.BatchingConfig;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * The recogniser's settings, {@code lpr.recognizer.*}: the models ({@link RecognizerConfig}), the confidence floor
 * ({@link ReadingPolicy}), when a sure plate is read only now and then ({@link SureReadsConfig}) and how crops queue
 * and batch ({@link BatchingConfig}). Defaults come from those records.
 */
public final class RecognizerOptions {
    private RecognizerOptions() {}

    private static final BatchingConfig QUEUE = BatchingConfig.DEFAULTS;

    public static final ConfigOption<Device> DEVICE = key("lpr.recognizer.device").enumType(Device.class)
            .defaultValue(RecognizerConfig.DEFAULTS.device()).withDescription("cpu or gpu.");
    public static final ConfigOption<Integer> MAX_BATCH = key("lpr.recognizer.max-batch").intType()
            .defaultValue(RecognizerConfig.DEFAULTS.maxBatch())
            .withDescription("Most crops per recogniser call, across all cameras.");
    public static final ConfigOption<Integer> THREADS = key("lpr.recognizer.threads").intType()
            .defaultValue(RecognizerConfig.DEFAULTS.threads())
            .withDescription("PyTorch intra-op threads; 0 keeps PyTorch's default.");
    public static final ConfigOption<Double> MIN_CONFIDENCE = key("lpr.recognizer.min-confidence").doubleType()
            .defaultValue(ReadingPolicy.DEFAULTS.minConfidence())
            .withDescription("A read whose best valid text has a lower probability (0..1) is unreadable.");
    public static final ConfigOption<Integer> SURE_EVERY = key("lpr.recognizer.sure-every").intType()
            .defaultValue(SureReadsConfig.DEFAULTS.every())
            .withDescription("A tracked plate already sure is read on every this many of its frames only; the "
                    + "detector still follows it on the others. 1 reads every frame.");
    public static final ConfigOption<Integer> SURE_READS = key("lpr.recognizer.sure-reads").intType()
            .defaultValue(SureReadsConfig.DEFAULTS.reads())
            .withDescription("Consecutive reads of the same text that make a tracked plate sure.");
    public static final ConfigOption<Double> SURE_CONFIDENCE = key("lpr.recognizer.sure-confidence").doubleType()
            .defaultValue(SureReadsConfig.DEFAULTS.confidence())
            .withDescription("Each of those reads at least this confident (0..1).");

    public static final ConfigOption<Duration> MAX_DELAY = key("lpr.recognizer.max-delay").durationType()
            .defaultValue(QUEUE.maxDelay()).withDescription("Longest a crop waits for its batch to fill.");
    public static final ConfigOption<Integer> WORKERS = key("lpr.recognizer.workers").intType()
            .defaultValue(QUEUE.workers())
            .withDescription("Recogniser threads per task manager, each with its own predictors.");
    public static final ConfigOption<Integer> CAPACITY = key("lpr.recognizer.capacity").intType()
            .defaultValue(QUEUE.capacity())
            .withDescription("Plate crops in flight per recogniser subtask before it holds back the detector.");
    public static final ConfigOption<Duration> TIMEOUT = key("lpr.recognizer.timeout").durationType()
            .defaultValue(QUEUE.timeout())
            .withDescription("A crop the recogniser has not answered in this long counts as a failed request.");
    public static final ConfigOption<Integer> MAX_CONSECUTIVE_FAILURES = key("lpr.recognizer.max-consecutive-failures")
            .intType().defaultValue(QUEUE.maxConsecutiveFailures())
            .withDescription("A failed crop is logged, counted and skipped; this many in a row, none read in "
                    + "between, mean a broken recogniser and fail the job.");

    /** The recogniser's queue; its batch is {@link #MAX_BATCH}, the models' own. */
    public static final BatchingConfig.Keys BATCHING = new BatchingConfig.Keys("lpr.recognizer", QUEUE, WORKERS,
            MAX_BATCH, MAX_DELAY, CAPACITY, TIMEOUT, MAX_CONSECUTIVE_FAILURES);
}
