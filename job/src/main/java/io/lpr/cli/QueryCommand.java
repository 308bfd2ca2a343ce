package io.lpr.cli;

import io.lpr.event.PlateEvent;
import io.lpr.sink.EventFormat;
import io.lpr.sink.EventQuery;
import io.lpr.sink.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Option(names = "--plate", description = "Only this plate text; % is a wildcard (B840%%).")
    String plate;

    @Option(names = "--since", description = "Only events first seen at or after this ISO-8601 instant.")
    Instant since;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many events (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<PlateEvent> events = EventStore.query(databaseOptions.database(settingsOptions.configuration()),
                new EventQuery(camera, plate, since, null, limit, false));
        events.forEach(e -> spec.commandLine().getOut().println(EventFormat.line(e)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
