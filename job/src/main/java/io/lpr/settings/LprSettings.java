package io.lpr.settings;

import io.lpr.alert.AlertConfig;
import io.lpr.camera.CameraDefaults;
import io.lpr.camera.StreamUrls;
import io.lpr.db.Database;
import io.lpr.db.SinkConfig;
import io.lpr.dedup.DedupConfig;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.DetectorOptions;
import io.lpr.detect.PlateShape;
import io.lpr.guide.GuideConfig;
import io.lpr.journey.JourneysConfig;
import io.lpr.model.ModelDirectory;
import io.lpr.recognize.ReadingPolicy;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.recognize.RecognizerOptions;
import io.lpr.recognize.SureReadsConfig;
import io.lpr.runtime.BatchingConfig;
import io.lpr.sink.RetentionConfig;
import io.lpr.snapshot.SnapshotConfig;
import io.lpr.track.TrackerConfig;
import io.lpr.util.Messages;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The job's settings: each stage's record, read by the record's own {@code from} from the options beside it
 * ({@link LprOptions} lists them). Checked once, before anything runs; every command that takes {@code --set}
 * reads its settings through {@link #from}, so a bad value is refused the same way everywhere.
 */
public record LprSettings(
        ModelDirectory models,
        CameraSources sources,
        CameraDefaults cameraDefaults,
        DetectorConfig detector,
        PlateShape plateShape,
        GuideConfig guide,
        BatchingConfig detectorBatching,
        RecognizerConfig recognizer,
        ReadingPolicy reading,
        BatchingConfig recognizerBatching,
        SureReadsConfig sureReads,
        TrackerConfig tracker,
        DedupConfig dedup,
        WatermarkConfig watermark,
        SinkConfig sink,
        RetentionConfig retention,
        SnapshotConfig snapshot,
        RunConfig run,
        JourneysConfig journeys,
        AlertConfig alerts) implements Serializable {
    /** 2: one record per stage instead of one field per setting. */
    private static final long serialVersionUID = 2L;

    /** Reads and checks every setting; a bad one is an IllegalArgumentException naming it. */
    public static LprSettings from(ReadableConfig configuration) {
        try {
            return read(configuration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.causeChain(e), e);
        }
    }

    /** The stages in the order the job runs them, so the first bad setting is the one named. */
    private static LprSettings read(ReadableConfig c) {
        LprSettings settings = new LprSettings(ModelDirectory.from(c), CameraSources.from(c), CameraDefaults.from(c),
                DetectorConfig.from(c), PlateShape.from(c), GuideConfig.from(c),
                BatchingConfig.from(c, DetectorOptions.BATCHING),
                RecognizerConfig.from(c), ReadingPolicy.from(c),
                BatchingConfig.from(c, RecognizerOptions.BATCHING), SureReadsConfig.from(c),
                TrackerConfig.from(c), DedupConfig.from(c), WatermarkConfig.from(c), SinkConfig.from(c), RetentionConfig.from(c),
                SnapshotConfig.from(c), RunConfig.from(c), JourneysConfig.from(c), AlertConfig.from(c));
        // Kafka's sink is built where the job's checkpointing is known; its settings are checked here with the rest.
        KafkaOptions.from(c, c.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).orElse(null));
        // Only lpr serve --recognize reads these; checked here with the rest.
        ServeConfig.from(c);
        return settings;
    }


    /** The sink database, its user and password resolved as for every command ({@link Database#resolve}). */
    public Database database() {
        return sink.database();
    }

    /** As {@link #database()}, every setting checked as for a run: for commands that need only the database. */
    public static Database database(ReadableConfig c) {
        return from(c).database();
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
