package io.lpr.cli;

import io.lpr.db.Database;
import io.lpr.events.TerminalText;
import io.lpr.job.DatabaseOptions;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchLevel;
import io.lpr.watch.WatchTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code watchlist} table a running job re-reads at the cameras' poll interval: an entry added or removed
 * here applies to the next passage, without a restart.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Lists, adds or removes the plates the job raises alerts for (the watch list).",
        subcommands = {WatchCommand.ListEntries.class, WatchCommand.Add.class, WatchCommand.Remove.class})
final class WatchCommand {
    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    DatabaseOptions databaseOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    WatchTable table() {
        try {
            Database db = databaseOptions.database(settingsOptions.configuration());
            return new WatchTable(db).ensureSchema();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** One entry per line: plate, near, level, until, cameras, note. */
    static String line(WatchEntry e) {
        return String.format("%-12s %-5s %-5s %-24s %-16s %s", TerminalText.escape(e.plate), e.near ? "near" : "-",
                e.level.label(), e.until == null ? "-" : Instant.ofEpochMilli(e.until).toString(),
                e.cameras.length == 0 ? "all" : TerminalText.escape(String.join(",", e.cameras)),
                e.note == null ? "" : TerminalText.escape(e.note)).stripTrailing();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the watch list's entries.")
    static final class ListEntries implements Callable<Integer> {
        @ParentCommand
        WatchCommand parent;

        @Override
        public Integer call() {
            List<WatchEntry> entries = parent.table().list();
            entries.forEach(e -> parent.out().println(line(e)));
            parent.out().flush();
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a plate or a pattern to the watch list, or changes the entry it already has.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        WatchCommand parent;

        @Parameters(index = "0", paramLabel = "PLATE", description = "A whole plate (O567AM76), or a pattern: "
                + "* any symbols, ? one symbol (*567AM*, O???AM76). Cyrillic and lower case are fine.")
        String plate;

        @Option(names = "--near", description = "Also a read within one edit, look-alikes free (as query --near).")
        boolean near;

        @Option(names = "--note", paramLabel = "TEXT", description = "Said with every alert of the entry.")
        String note;

        @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "alert",
                description = "info or alert (default ${DEFAULT-VALUE}).")
        String level;

        @Option(names = "--until", paramLabel = "WHEN", converter = Instants.class,
                description = "The entry stops matching at this time, UTC unless it says otherwise.")
        Instant until;

        @Option(names = "--camera", paramLabel = "ID", split = ",",
                description = "Only at these cameras or camera groups (lpr.dedup.camera-groups); default all.")
        List<String> cameras;

        @Override
        public Integer call() {
            WatchEntry entry;
            try {
                entry = WatchEntry.of(plate, near, note, WatchLevel.parse(level), until == null ? null : until.toEpochMilli(),
                        cameras == null ? new String[0] : cameras.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            parent.table().put(entry);
            parent.out().println("watching " + entry.plate);
            parent.out().flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an entry from the watch list.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        WatchCommand parent;

        @Parameters(paramLabel = "PLATE", description = "The entry's plate or pattern, as it was added.")
        String plate;

        @Override
        public Integer call() {
            if (!parent.table().remove(plate)) {
                throw new UserException("no watch entry '" + plate + "'");
            }
            parent.out().println("no longer watching " + io.lpr.plate.PlateMatch.normalize(plate));
            parent.out().flush();
            return 0;
        }
    }
}
