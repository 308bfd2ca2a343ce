package io.lpr.settings;

import io.lpr.camera.CameraOptions;
import io.lpr.db.SinkOptions;
import io.lpr.dedup.DedupOptions;
import io.lpr.detect.DetectorOptions;
import io.lpr.guide.GuideOptions;
import io.lpr.journey.JourneysOptions;
import io.lpr.model.ModelDirectoryOptions;
import io.lpr.plate.PlateOptions;
import io.lpr.recognize.RecognizerOptions;
import io.lpr.sink.RetentionOptions;
import io.lpr.snapshot.SnapshotOptions;
import io.lpr.track.TrackerOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * Where the job's settings are declared: one options class per stage and key prefix, each beside the record its
 * settings make ({@code DetectorOptions} beside {@code DetectorConfig}). {@link SettingKeys} checks keys against
 * these, the README's settings table is made from them ({@link SettingsTable}), and {@link LprSettings} reads them.
 */
public final class LprOptions {
    private LprOptions() {}

    /** The options classes, in the order the README lists them. A new stage's class is added here. */
    public static final List<Class<?>> HOLDERS = List.of(ModelDirectoryOptions.class, SourceOptions.class, CameraOptions.class,
            DetectorOptions.class, GuideOptions.class, RecognizerOptions.class, PlateOptions.class, TrackerOptions.class,
            DedupOptions.class, WatermarkOptions.class, SinkOptions.class, KafkaOptions.class, RetentionOptions.class,
            SnapshotOptions.class, RunOptions.class, JourneysOptions.class, ServeOptions.class);

    /** Every lpr setting, holder by holder, each in the order its class declares it. */
    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> options = new ArrayList<>();
        HOLDERS.forEach(holder -> options.addAll(declaredBy(holder)));
        return options;
    }

    /** The public static {@link ConfigOption} fields of {@code holder}. */
    public static List<ConfigOption<?>> declaredBy(Class<?> holder) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)
                    && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }
}
