package io.lpr.settings;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.description.HtmlFormatter;

/**
 * The README's settings table, made from the options themselves ({@link LprOptions#all()}), so a key, a default
 * or a description cannot drift from the code: {@code SettingsTableTest} fails when the README's differs.
 */
public final class SettingsTable {
    /** The lines around the table in the README. */
    public static final String BEGIN = "<!-- settings table: made by io.lpr.settings.SettingsTable, checked by SettingsTableTest -->";
    public static final String END = "<!-- end of settings table -->";

    private SettingsTable() {}

    /** A Markdown table: every setting, its default as Flink writes it, and its description. */
    public static String markdown() {
        StringBuilder table = new StringBuilder("| setting | default | what |\n| --- | --- | --- |\n");
        for (ConfigOption<?> option : LprOptions.all()) {
            table.append("| `").append(option.key()).append("` | ").append(defaultValue(option)).append(" | ")
                    .append(cell(new HtmlFormatter().format(option.description()) + formerly(option))).append(" |\n");
        }
        return table.toString();
    }

    /** The default as it would be written in {@code --set} or YAML, so it can be copied. */
    @SuppressWarnings("unchecked")
    static String defaultValue(ConfigOption<?> option) {
        if (!option.hasDefaultValue()) {
            return "none";
        }
        Configuration written = new Configuration();
        written.set((ConfigOption<Object>) option, option.defaultValue());
        String value = written.toMap().get(option.key());
        return value.isEmpty() ? "empty" : "`" + value + "`";
    }

    private static String formerly(ConfigOption<?> option) {
        String old = StreamSupport.stream(option.fallbackKeys().spliterator(), false)
                .filter(FallbackKey::isDeprecated).map(key -> "`" + key.getKey() + "`").collect(Collectors.joining(", "));
        return old.isEmpty() ? "" : " Formerly " + old + ", still read.";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
