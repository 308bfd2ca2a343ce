package io.lpr.cli;

import io.lpr.events.EventFormat;
import io.lpr.job.DatabaseOptions;
import io.lpr.journeys.JourneyFormat;
import io.lpr.journeys.JourneysTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the journeys the job paired ({@code lpr.journeys}), oldest entry first; {@code --open}: who is inside now. */
@Command(name = "journeys", mixinStandardHelpOptions = true,
        description = "Prints the journeys between cameras (lpr.journeys), one per line: open (inside now), closed "
                + "(with its duration) or expired.")
final class JourneysCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    DatabaseOptions databaseOptions;

    @Option(names = "--open", description = "Only the open journeys: what is inside now (the occupancy).")
    boolean open;

    @Option(names = "--format", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    EventFormat.Kind format;

    @Option(names = "--limit", defaultValue = "100",
            description = "At most this many journeys, the newest entries (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit <= 0) {
            throw new IllegalArgumentException("--limit must be positive, got " + limit);
        }
        JourneyFormat.print(JourneysTable.read(databaseOptions.database(settingsOptions.configuration()), open, limit),
                format, spec.commandLine().getOut());
        return 0;
    }
}
