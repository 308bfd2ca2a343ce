package io.lpr.cli;

import io.lpr.events.EventFormat;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import io.lpr.events.StoredEvent;
import io.lpr.events.Times;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import io.lpr.job.DatabaseOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the newest stored events, oldest of them first: camera, plate, first/last seen (UTC), frames, scores. */
@Command(name = "query", mixinStandardHelpOptions = true, description = "Prints the stored plate events, one per line.")
final class QueryCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    DatabaseOptions databaseOptions;

    @Option(names = "--camera", description = "Only this camera.")
    String camera;

    @Option(names = "--plate", description = "Only plates containing this (567AM), or matching a pattern: "
            + "* any symbols, ? one symbol (*567AM*, O???AM76). Cyrillic and lower case are fine.")
    String plate;

    @Option(names = "--near", paramLabel = "PLATE",
            description = "Only plates within one edit of PLATE, look-alikes (O/0, B/8, C/O) free: a misread or mistyped "
                    + "plate, e.g. O567AM76.")
    String near;

    @Option(names = "--format", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    EventFormat.Kind format;

    @Option(names = "--since", paramLabel = "WHEN", converter = Instants.class,
            description = "Only events first seen at or after this time, UTC unless it says otherwise: "
                    + Times.EXAMPLES + ".")
    Instant since;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many events (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<StoredEvent> events = EventStore.read(databaseOptions.database(settingsOptions.configuration()),
                new EventQuery(camera, plate, since, null, limit, false, near));
        EventFormat.print(events, format, spec.commandLine().getOut());
        return 0;
    }
}
