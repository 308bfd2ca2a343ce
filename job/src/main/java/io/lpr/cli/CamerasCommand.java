package io.lpr.cli;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.db.Database;
import io.lpr.job.JobRunner;
import io.lpr.registry.CameraEntry;
import io.lpr.registry.CameraTable;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import io.lpr.job.DatabaseOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Command(name = "list", description = "Lists the cameras (URLs with credentials masked).")
    static final class ListCameras implements Callable<Integer> {
        @ParentCommand
        CamerasCommand parent;

        @Override
        public Integer call() {
            for (CameraEntry c : parent.table().list()) {
                parent.out().printf(Locale.ROOT, "%-12s %-8s %s%n", c.id(), c.enabled() ? "enabled" : "disabled",
                        c.toSpec().maskedUrl());
            }
            parent.out().flush();
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a camera, or changes the one with this id.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        CamerasCommand parent;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "URL", description = "rtsp://..., http(s)://... or a video file; $${VAR} is read from the job's environment.")
        String url;

        @Option(names = "--fps", description = "Frames analysed per second (default: the job's lpr.camera.sample-fps).")
        Double fps;

        @Option(names = "--transport", description = "RTSP transport: tcp or udp (default: the job's lpr.camera.transport).")
        String transport;

        @Option(names = "--roi", paramLabel = "X,Y,W,H", description = "Region of interest in source pixels.")
        String roi;

        @Option(names = "--disabled", description = "Add it disabled.")
        boolean disabled;

        @Override
        public Integer call() throws Exception {
            CameraEntry entry = CameraEntry.of(id, url).withEnabled(!disabled).withFps(fps);
            if (transport != null) {
                entry = entry.withTransport(CameraSpec.Transport.valueOf(transport.toUpperCase(Locale.ROOT)));
            }
            if (roi != null) {
                entry = entry.withRoi(Roi.parse(roi));
            }
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
            for (CameraStatus s : table.list()) {
                parent.out().println(s);
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
