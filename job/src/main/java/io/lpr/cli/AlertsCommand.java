package io.lpr.cli;

import io.lpr.alert.AlertFormat;
import io.lpr.alert.AlertsTable;
import io.lpr.events.EventFormat;
import io.lpr.events.Times;
import io.lpr.job.DatabaseOptions;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the newest alerts the watch list raised, oldest of them first. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Prints the alerts the watch list raised, one per line.")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    DatabaseOptions databaseOptions;

    @Option(names = "--camera", description = "Only this camera.")
    String camera;

    @Option(names = "--plate", description = "Only plates containing this, or matching a pattern (* and ?), "
            + "or raised by the watch entry of this plate.")
    String plate;

    @Option(names = "--since", paramLabel = "WHEN", converter = Instants.class,
            description = "Only alerts seen at or after this time, UTC unless it says otherwise: " + Times.EXAMPLES + ".")
    Instant since;

    @Option(names = "--format", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    EventFormat.Kind format;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many alerts (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AlertsTable table = new AlertsTable(databaseOptions.database(settingsOptions.configuration()));
        AlertFormat.print(table.query(new AlertsTable.Query(camera, plate, since, limit)), format, spec.commandLine().getOut());
        return 0;
    }
}
