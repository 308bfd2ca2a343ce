package io.lpr.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is the options' own: run with {@code -Dlpr.settings.write-readme=true} to write it
 * after adding or changing a setting.
 */
class SettingsTableTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmesTableListsEverySettingWithItsDefault() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(SettingsTable.BEGIN);
        int end = readme.indexOf(SettingsTable.END);
        assertThat(begin).as("the README marks its settings table").isNotNegative().isLessThan(end);
        String written = readme.substring(begin + SettingsTable.BEGIN.length() + 1, end);
        String made = SettingsTable.markdown();
        if (Boolean.getBoolean("lpr.settings.write-readme") && !written.equals(made)) {
            Files.writeString(README, readme.substring(0, begin + SettingsTable.BEGIN.length() + 1) + made
                    + readme.substring(end), StandardCharsets.UTF_8);
            written = made;
        }
        assertThat(written).as("README settings table (rewrite it with -Dlpr.settings.write-readme=true)")
                .isEqualTo(made);
    }

    @Test
    void theTableShowsDefaultsAsTheyAreWritten() {
        String table = SettingsTable.markdown();
        assertThat(table).contains("| `lpr.detector.capacity` | `1` |", "| `lpr.recognizer.capacity` | `8` |",
                "| `lpr.detector.tile-sizes` | `[640, 832]` |", "| `lpr.dedup.window` | `5 min` |",
                "| `lpr.sink.user` | none |", "Formerly `lpr.detector.guided`, still read.");
    }

    @Test
    void eachKeyPrefixHasOneHolderAndEveryKeyIsKnownAndDescribed() {
        Map<String, Class<?>> holderOfPrefix = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (Class<?> holder : LprOptions.HOLDERS) {
            List<ConfigOption<?>> options = LprOptions.declaredBy(holder);
            assertThat(options).as(holder.getSimpleName()).isNotEmpty();
            for (ConfigOption<?> option : options) {
                String key = option.key();
                assertThat(keys.add(key)).as("declared once: " + key).isTrue();
                Class<?> previous = holderOfPrefix.putIfAbsent(prefix(key), holder);
                assertThat(previous == null ? holder : previous).as("the holder of " + prefix(key)).isEqualTo(holder);
                assertThat(option.description().getBlocks()).as("description of " + key).isNotEmpty();
                SettingKeys.requireKnown(key);
            }
        }
        assertThat(keys).contains("lpr.detector.min-aspect", "lpr.plate.formats", "lpr.kafka.bootstrap");
    }

    /** {@code lpr.detector.capacity} to {@code lpr.detector}; {@code lpr.work-dir} stays itself. */
    private static String prefix(String key) {
        int second = key.indexOf('.', "lpr.".length());
        return second < 0 ? key : key.substring(0, second);
    }
}
