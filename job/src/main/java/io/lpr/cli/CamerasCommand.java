package io.lpr.cli;

import io.lpr.db.Database;
import io.lpr.events.TerminalText;
import io.lpr.job.JobRunner;
import io.lpr.registry.CameraEntry;
import io.lpr.registry.CameraTable;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import io.lpr.job.DatabaseOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code cameras} table a running job ({@code run --cameras-table}) re-reads: adding, changing,
 * disabling or removing a row takes effect within the poll interval, without a restart. {@code status}
 * shows what each camera is doing, from the {@code camera_status} table the job keeps.
 */
@Command(name = "cameras", mixinStandardHelpOptions = true,
        description = "Lists, adds, changes, enables, disables or removes cameras in the database; shows their status.",
        subcommands = {
            CamerasCommand.ListCameras.class,
            CamerasCommand.Add.class,
            CamerasCommand.Status.class
        })
final class CamerasCommand {
    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    DatabaseOptions databaseOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    Database database() {
        try {
            return databaseOptions.database(settingsOptions.configuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CameraTable table() {
        CameraTable table = new CameraTable(database());
        table.createIfAbsent();
        return table;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the cameras (URLs with credentials masked); a row that cannot be read whole shows "
                    + "what can be, and names what cannot.")
    static final class ListCameras implements Callable<Integer> {
        @ParentCommand
        CamerasCommand parent;

        @Override
        public Integer call() {
            for (String line : CameraListing.lines(parent.table().rows())) {
                parent.out().println(line);
            }
            parent.out().flush();
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, modelTransformer = CameraFieldOptions.class,
            description = "Adds a camera, or changes the one with this id; a setting left out takes the job's.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        CamerasCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "URL", description = "rtsp://..., http(s)://... or a video file; $${VAR} is read from the job's environment.")
        String url;

        @Override
        public Integer call() throws Exception {
            CameraEntry entry = new CameraEntry(id, url, CameraFieldOptions.given(spec));
            // Refused here as `run --camera` refuses it, not later by the running job: a bad id or URL, a video
            // file that is missing or not a video.
            JobRunner.requireReadableVideos(List.of(entry.toSpec()));
            parent.table().put(entry);
            parent.out().println("camera " + id + " saved");
            parent.out().flush();
            return 0;
        }
    }

    @Command(name = "enable", description = "Enables a camera.")
    int enable(@Parameters(paramLabel = "ID") String id) {
        return setEnabled(id, true);
    }

    @Command(name = "disable", description = "Disables a camera: the running job stops reading it.")
    int disable(@Parameters(paramLabel = "ID") String id) {
        return setEnabled(id, false);
    }

    @Command(name = "remove", description = "Removes a camera.")
    int remove(@Parameters(paramLabel = "ID") String id) {
        if (!table().delete(id)) {
            throw new UserException("no camera '" + id + "'");
        }
        return 0;
    }

    @Command(name = "status", description = "Each camera's state as the running job last reported it.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        CamerasCommand parent;

        @Override
        public Integer call() {
            CameraStatusTable table = new CameraStatusTable(parent.database());
            table.createIfAbsent();
            long now = System.currentTimeMillis();
            for (CameraStatus s : table.list()) {
                // A row the job stopped writing: its state is only the last one the job saw (docs/api.md, stale).
                String stale = s.stale(now) ? "; STALE: not written for over "
                        + CameraStatus.STALE_AFTER_MILLIS / 1000 + " s, the job may have stopped" : "";
                parent.out().println(TerminalText.escape(s + stale));
            }
            parent.out().flush();
            return 0;
        }
    }

    private int setEnabled(String id, boolean enabled) {
        if (!table().setEnabled(id, enabled)) {
            throw new UserException("no camera '" + id + "'");
        }
        out().println("camera " + id + (enabled ? " enabled" : " disabled"));
        out().flush();
        return 0;
    }
}
