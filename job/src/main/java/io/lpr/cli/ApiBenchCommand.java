package io.lpr.cli;

import io.lpr.bench.ApiBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lpr bench api}: the flags of {@link ApiBench}, which times {@code lpr serve}'s API. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Times lpr serve's JSON API (p50/p99) on a throw-away database of many events.")
final class ApiBenchCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "100000", description = "Events in the database (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--requests", defaultValue = "200", description = "Timed requests per query (default ${DEFAULT-VALUE}).")
    int requests;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new ApiBench(events, requests).run(spec.commandLine().getOut());
        return 0;
    }
}
