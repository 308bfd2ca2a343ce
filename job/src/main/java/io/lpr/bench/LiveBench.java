package io.lpr.bench;

import io.lpr.db.Database;
import io.lpr.decode.FileClock;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Memory and latency of live cameras: {@code lpr run} in its own JVM (as a user runs it) on 1, 2 and 4 copies of a
 * clip played in real time, its events in an SQLite file. Its peak resident set (VmHWM) is the memory figure. The
 * latency of a passage is the wall time its final row is first seen in the database (polled every
 * {@value #POLL_MS} ms) less the wall time its last frame was played. A file's event times come from the file
 * (its recording start plus the frame's offset), so that wall time is the camera's connection time (its
 * {@code camera_status} row's {@code since}) plus the last frame's offset in the clip: an upper bound by the moment
 * between opening the file and handing on its first frame. Every plate is on the run's watch list and its alerts go
 * to a webhook receiver here ({@link AlertReceiver}): an alert's latency is the wall time its request arrives less
 * the wall time the frame with the read that raised it was played, found the same way.
 */
final class LiveBench {
    static final int[] CAMERAS = {1, 2, 4};
    static final long POLL_MS = 100;
    /** A run that has not ended this long after its clip's end is stopped (its figures still count). */
    private static final long GRACE_MS = 240_000;

    /**
     * Peak RSS in MiB for each count of {@link #CAMERAS}, every passage's latency and every alert's (the frame with the
     * read that raised it to the webhook's request) in milliseconds.
     */
    record Result(long[] peakRssMiB, List<Long> latenciesMs, List<Long> alertLatenciesMs) {}

    private LiveBench() {}

    static Result measure(List<String> settingsArguments, Path clip, double clipSeconds, Path dir, PrintWriter err)
            throws Exception {
        long[] rss = new long[CAMERAS.length];
        List<Long> latencies = new ArrayList<>();
        List<Long> alertLatencies = new ArrayList<>();
        // Every plate is on the watch list: each passage raises an alert, posted to a receiver here.
        Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"), "watchlist:\n  - plate: \"*\"\n");
        long clipStart = FileClock.startMillis(clip);
        try (AlertReceiver receiver = new AlertReceiver()) {
            List<String> alerting = new ArrayList<>(settingsArguments);
            alerting.addAll(List.of("--watchlist", watchlist.toString(), "--set", "lpr.alerts.webhook-url=" + receiver.url()));
            for (int i = 0; i < CAMERAS.length; i++) {
                err.println("lpr: " + CAMERAS[i] + " live camera(s) in their own process, real time ...");
                err.flush();
                Map<String, Long> connected = new HashMap<>();
                rss[i] = run(alerting, clip, clipSeconds, CAMERAS[i], dir.resolve("live-" + CAMERAS[i]), connected,
                        latencies);
                for (AlertReceiver.Received alert : receiver.drain()) {
                    Long playedFrom = connected.get(alert.cameraId());
                    if (playedFrom != null) {
                        alertLatencies.add(alert.receivedAtMs() - (playedFrom + alert.seenAtMs() - clipStart));
                    }
                }
            }
        }
        return new Result(rss, latencies, alertLatencies);
    }

    /**
     * One run of {@code cameras} cameras: its peak RSS in MiB; adds its passages' latencies, and fills in when each
     * camera connected.
     */
    private static long run(List<String> settingsArguments, Path clip, double clipSeconds, int cameras, Path dir,
            Map<String, Long> connected, List<Long> latencies) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        String sink = "jdbc:sqlite:" + dir.resolve("events.db");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m", "-Dai.djl.offline=true",
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        for (String property : List.of("log4j2.configurationFile", "lpr.home")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lpr.cli.LprCli", "run"));
        command.addAll(settingsArguments);
        for (int c = 1; c <= cameras; c++) {
            command.addAll(List.of("--camera", "live" + c + "=" + clip));
        }
        command.addAll(List.of("--sink", sink, "--set", "lpr.camera.realtime=true",
                "--set", "lpr.work-dir=" + dir.resolve("work")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("lpr.log").toFile()).start();
        Database db = Database.of(sink, null, null);
        long clipStart = FileClock.startMillis(clip);
        Set<String> seen = new HashSet<>();
        long peakKiB = 0;
        long deadline = System.currentTimeMillis() + (long) (clipSeconds * 1000) + GRACE_MS;
        try {
            while (process.isAlive() && System.currentTimeMillis() < deadline) {
                peakKiB = Math.max(peakKiB, statusKiB(process.pid(), "VmHWM:"));
                poll(db, clipStart, connected, seen, latencies);
                Thread.sleep(POLL_MS);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        poll(db, clipStart, connected, seen, latencies);
        if (process.exitValue() != 0 || peakKiB == 0) {
            throw new IllegalStateException("lpr run on " + cameras + " live camera(s) ended with exit code "
                    + process.exitValue() + ": " + Files.readString(dir.resolve("lpr.log")).strip());
        }
        return peakKiB / 1024;
    }

    /** Adds the latency of each passage whose final row appeared since the last poll. */
    private static void poll(Database db, long clipStart, Map<String, Long> connected, Set<String> seen,
            List<Long> latencies) {
        long now = System.currentTimeMillis();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, state, since FROM " + CameraStatusTable.NAME)) {
                while (rs.next()) {
                    if (CameraState.CONNECTED.name().equalsIgnoreCase(rs.getString("state"))) {
                        connected.putIfAbsent(rs.getString("id"), db.dialect().readTime(rs, "since"));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT event_id, camera_id, last_seen, is_final FROM plate_events")) {
                while (rs.next()) {
                    boolean finalRow = rs.getObject("is_final") == null || rs.getBoolean("is_final");
                    Long playedFrom = connected.get(rs.getString("camera_id"));
                    if (finalRow && playedFrom != null && seen.add(rs.getString("event_id"))) {
                        long lastFramePlayed = playedFrom + db.dialect().readTime(rs, "last_seen") - clipStart;
                        latencies.add(now - lastFramePlayed);
                    }
                }
            }
        } catch (SQLException e) {
            // No table yet, or the job holds the file's lock for a moment: the next poll reads it.
        }
    }

    /** A field of /proc/PID/status in KiB, 0 when it cannot be read (the process has ended). */
    static long statusKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
