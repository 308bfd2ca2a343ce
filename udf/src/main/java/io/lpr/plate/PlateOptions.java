package io.lpr.plate;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** What counts as a plate, {@code lpr.plate.*}: the formats a deployment accepts ({@link PlateGrammar}). */
public final class PlateOptions {
    private PlateOptions() {}

    public static final ConfigOption<List<String>> FORMATS = key("lpr.plate.formats").stringType().asList()
            .defaultValues(PlateGrammar.RUSSIAN.toArray(String[]::new))
            .withDescription("Plate formats accepted, name:pattern (@ letter, # digit, [1-9] a class, others literal); "
                    + "the default is the Russian series (private, taxi, trailer, motorcycle, police, diplomatic T, transit).");
}
