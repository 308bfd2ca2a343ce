package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.lpr.dedup.DedupConfig;
import io.lpr.detect.PlateShape;
import io.lpr.plate.PlateGrammar;
import io.lpr.recognize.ReadingPolicy;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Settings of what counts as a plate and as one event: the plate formats, the recogniser's confidence
 * floor, the detector's box-shape filter and the sliding-window deduplication. Beside {@link LprOptions}.
 */
public final class PlateOptions {
    private PlateOptions() {}

    public static final ConfigOption<List<String>> FORMATS = key("lpr.plate.formats").stringType().asList()
            .defaultValues(PlateGrammar.RUSSIAN.toArray(String[]::new))
            .withDescription("Plate formats accepted, name:pattern (@ letter, # digit, [1-9] a class, others literal); "
                    + "default: the Russian series (private, taxi, trailer, motorcycle, police, diplomatic T, transit).");
    public static final ConfigOption<Double> MIN_CONFIDENCE = key("lpr.recognizer.min-confidence").doubleType()
            .defaultValue(ReadingPolicy.DEFAULT_MIN_CONFIDENCE)
            .withDescription("A read whose best valid text has a lower probability (0..1) is unreadable.");

    public static final ConfigOption<Float> MIN_ASPECT = key("lpr.detector.min-aspect").floatType()
            .defaultValue(PlateShape.DEFAULTS.minAspect()).withDescription("Boxes narrower (width/height) are not plates.");
    public static final ConfigOption<Float> MAX_ASPECT = key("lpr.detector.max-aspect").floatType()
            .defaultValue(PlateShape.DEFAULTS.maxAspect()).withDescription("Boxes wider (width/height) are not plates.");
    public static final ConfigOption<Float> MIN_WIDTH = key("lpr.detector.min-width").floatType()
            .defaultValue(PlateShape.DEFAULTS.minWidth()).withDescription("Boxes narrower than this (frame pixels) are dropped.");
    public static final ConfigOption<Float> MAX_WIDTH = key("lpr.detector.max-width").floatType()
            .defaultValue(PlateShape.DEFAULTS.maxWidth()).withDescription("Boxes wider than this (frame pixels) are dropped.");

    public static final ConfigOption<Duration> DEDUP_WINDOW = key("lpr.dedup.window").durationType()
            .defaultValue(Duration.ofMillis(DedupConfig.DEFAULT_WINDOW_MS))
            .withDescription("The same plate (or a near miss) seen again on a camera within this long of its last "
                    + "sighting is the same event: its row is updated. 0 turns deduplication off.");
    public static final ConfigOption<Integer> DEDUP_MAX_EDITS = key("lpr.dedup.max-edits").intType()
            .defaultValue(DedupConfig.DEFAULT_MAX_EDITS)
            .withDescription("Texts this many edits apart (look-alikes O/0, C/O, B/8 ... free) are the same plate.");
    public static final ConfigOption<List<String>> DEDUP_GROUPS = key("lpr.dedup.camera-groups").stringType().asList()
            .noDefaultValue()
            .withDescription("Cameras of one site deduplicated together, as name=cam1,cam2 (e.g. gate=in,out).");
    public static final ConfigOption<Duration> DEDUP_LATENESS = key("lpr.dedup.allowed-lateness").durationType()
            .defaultValue(Duration.ofMillis(DedupConfig.DEFAULT_LATENESS_MS))
            .withDescription("Passages this late (event time behind the watermark) still update their event; "
                    + "later ones become events of their own and are counted (metric lateEvents).");

    static ReadingPolicy reading(Configuration c) {
        return new ReadingPolicy(PlateGrammar.parse(c.get(FORMATS)), c.get(MIN_CONFIDENCE),
                ReadingPolicy.DEFAULT_ALTERNATIVES);
    }

    static PlateShape plateShape(Configuration c) {
        return new PlateShape(c.get(MIN_ASPECT), c.get(MAX_ASPECT), c.get(MIN_WIDTH), c.get(MAX_WIDTH));
    }

    static DedupConfig dedup(Configuration c, long passageGapMs) {
        return DedupConfig.of(c.get(DEDUP_WINDOW).toMillis(), c.get(DEDUP_MAX_EDITS),
                c.getOptional(DEDUP_GROUPS).orElse(List.of()), c.get(DEDUP_LATENESS).toMillis(), passageGapMs);
    }
}
