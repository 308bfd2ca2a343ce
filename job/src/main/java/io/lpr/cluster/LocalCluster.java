package io.lpr.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A standalone Flink session cluster on this machine: one JobManager (REST on 127.0.0.1:port) and task
 * managers, each its own JVM, started from the jars of {@link ClusterClasspath} with {@code flink-conf/cluster}
 * as configuration. Everything it writes (pids, logs, checkpoints, savepoints, the Prometheus plugin) lies in
 * its own folder, so {@code status} and {@code stop} work from any later command.
 */
public final class LocalCluster {
    public static final String JOB_MANAGER = "jobmanager";
    public static final String TASK_MANAGER = "taskmanager-";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    private final Path dir;
    private final int port;
    private final Pids pids;

    public LocalCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.pids = new Pids(dir.resolve("pid"));
    }

    /** {@code ~/.lpr/cluster-PORT}: one folder per cluster, found again by its port. */
    public static Path defaultDir(int port) {
        return Path.of(System.getProperty("user.home"), ".lpr", "cluster-" + port);
    }

    public Path dir() {
        return dir;
    }

    /** The port the Prometheus reporter of this process serves on, from its log; empty before it started. */
    public Optional<Integer> metricsPort(String role) throws IOException {
        Path log = log(role);
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("Started PrometheusReporter HTTP server on port"))
                    .map(l -> l.replaceAll(".*on port (\\d+).*", "$1"))
                    .map(Integer::valueOf).reduce((a, b) -> b);
        }
    }

    public RestApi rest() {
        return new RestApi("127.0.0.1:" + port);
    }

    /** One process of the cluster, as {@code status} shows it. */
    public record Member(String role, long pid, boolean alive) {
        public String line(String state) {
            return String.format("%-15s pid=%d %s", role, pid, state);
        }
    }

    /**
     * Starts the JobManager and {@code taskManagers} task managers and waits until the REST endpoint answers
     * and every task manager has registered. {@code settings} are Flink settings for this cluster only, on
     * top of the configuration folder's. A folder whose JobManager died (its pid file is still there) is
     * recovered first: the task managers it left are stopped, and each job that was running gets a line saying
     * how to resume it from its latest retained checkpoint. Returns those lines.
     */
    public List<String> start(Path configDir, ClusterClasspath classpath, int taskManagers, Map<String, String> settings)
            throws IOException, InterruptedException {
        List<Member> before = members();
        if (before.stream().anyMatch(m -> m.role().equals(JOB_MANAGER) && m.alive())) {
            throw new ClusterException("a cluster is already running from " + dir + " (lpr cluster stop --port " + port + ")");
        }
        List<String> notes = new ArrayList<>();
        // A pid file outlives only a JobManager that was never stopped: it died (kill -9, a crash, a reboot).
        boolean jobManagerDied = before.stream().anyMatch(m -> m.role().equals(JOB_MANAGER));
        List<Member> orphans = before.stream().filter(Member::alive).toList();
        if (!orphans.isEmpty()) {
            pids.stopAll(STOP_TIMEOUT);
            notes.add("stopped " + orphans.size() + " task manager(s) left by a JobManager that died: "
                    + String.join(", ", orphans.stream().map(m -> m.role() + " pid=" + m.pid()).toList()));
        }
        List<Recovery.Resumable> resumable = jobManagerDied
                ? Recovery.resumable(log(JOB_MANAGER), dir.resolve("checkpoints")) : List.of();
        if (!free(port)) {
            throw new ClusterException("port " + port + " is in use: choose another with --port");
        }
        new ClusterFolder(dir).prepareForStart();
        preparePlugins(classpath);
        Map<String, String> dynamic = new LinkedHashMap<>(localSettings());
        dynamic.putAll(settings);
        FlinkJvm jvm = new FlinkJvm(configDir, classpath, dynamic);
        jvm.checkMemory();
        Path properties = dir.resolve("cluster.properties");
        Files.deleteIfExists(properties);
        // Owner only: a -D setting may hold a credential (a file system's key, say).
        Files.createFile(properties, OWNER_ONLY);
        Files.writeString(properties, serialize(configDir, dynamic));
        if (jobManagerDied && Files.exists(log(JOB_MANAGER))) {
            Files.move(log(JOB_MANAGER), dir.resolve("log").resolve(JOB_MANAGER + ".died.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        try {
            launch(JOB_MANAGER, jvm.jobManager(log(JOB_MANAGER)));
            RestApi rest = rest();
            rest.awaitUp(START_TIMEOUT, () -> requireAlive(JOB_MANAGER));
            for (int i = 1; i <= taskManagers; i++) {
                addTaskManager(jvm, i);
            }
            rest.awaitTaskManagers(taskManagers, START_TIMEOUT);
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(); // half a cluster is no use, and its processes would linger
            throw e;
        }
        for (Recovery.Resumable job : resumable) {
            notes.add(job.line("127.0.0.1:" + port));
        }
        if (jobManagerDied && resumable.isEmpty()) {
            notes.add("the previous JobManager died with no job running that has a retained checkpoint in "
                    + dir.resolve("checkpoints"));
        }
        return notes;
    }

    /** Starts one more task manager (after one was lost, or to grow) with the cluster's settings; returns its id. */
    public String addTaskManager() throws IOException, InterruptedException {
        Map<String, String> saved = read();
        Path configDir = Path.of(saved.remove("lpr.cluster.config-dir"));
        ClusterClasspath classpath = ClusterClasspath.of(ClusterClasspath.split(saved.remove("lpr.cluster.classpath")));
        int next = 1 + members().stream().map(Member::role).filter(r -> r.startsWith(TASK_MANAGER))
                .mapToInt(r -> Integer.parseInt(r.substring(TASK_MANAGER.length()))).max().orElse(0);
        String id = addTaskManager(new FlinkJvm(configDir, classpath, saved), next);
        rest().awaitTaskManager(id, START_TIMEOUT);
        return id;
    }

    private String addTaskManager(FlinkJvm jvm, int index) throws IOException {
        String role = TASK_MANAGER + index;
        Map<String, String> own = Map.of(
                "taskmanager.resource-id", role,
                "metrics.reporter.prom.port", String.valueOf(freePort()));
        launch(role, jvm.taskManager(log(role), own));
        return role;
    }

    /** Every process started from this folder, in start order. */
    public List<Member> members() throws IOException {
        return pids.members();
    }

    /** Stops every process (SIGTERM, then SIGKILL after 30 s) and forgets them; files stay (see {@link #stopAndClean}). */
    public List<Member> stop() throws IOException {
        return pids.stopAll(STOP_TIMEOUT);
    }

    /** What {@link #stopAndClean} stopped, removed and kept. */
    public record Stopped(List<Member> members, List<String> removed, long removedBytes, List<String> kept) {}

    /**
     * Stops every process, then removes what the cluster made for itself (blob caches, RocksDB's and Flink's
     * temporary files, uploaded jars, the plugin copy, pid and settings files) and keeps what is the user's:
     * logs, checkpoints and savepoints.
     */
    public Stopped stopAndClean() throws IOException {
        List<Member> members = stop();
        ClusterFolder folder = new ClusterFolder(dir);
        ClusterFolder.Removed removed = folder.removeWhatTheClusterMade();
        return new Stopped(members, removed.paths(), removed.bytes(), folder.kept());
    }

    public Path log(String role) {
        return dir.resolve("log").resolve(role + ".log");
    }

    /** This machine only, and this cluster's own folders and ports, whatever the configuration file says. */
    private Map<String, String> localSettings() throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("rest.address", "127.0.0.1");
        s.put("rest.bind-address", "127.0.0.1");
        s.put("rest.port", String.valueOf(port));
        s.put("jobmanager.rpc.address", "127.0.0.1");
        s.put("jobmanager.rpc.port", String.valueOf(freePort()));
        s.put("jobmanager.bind-host", "127.0.0.1");
        s.put("taskmanager.bind-host", "127.0.0.1");
        s.put("taskmanager.host", "127.0.0.1");
        s.put("metrics.reporter.prom.port", String.valueOf(freePort()));
        s.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        s.put("execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
        // Blob caches, RocksDB's working files, the web frontend: all under tmp/, which stop removes.
        s.put("io.tmp.dirs", Files.createDirectories(dir.resolve("tmp")).toString());
        s.put("blob.storage.directory", dir.resolve("tmp").toString());
        s.put("web.tmpdir", dir.resolve("tmp").resolve("web").toString());
        s.put("web.upload.dir", Files.createDirectories(dir.resolve("uploads")).toString());
        return s;
    }

    private void launch(String role, List<String> command) throws IOException {
        List<String> detached = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            detached.add("/usr/bin/setsid"); // its own session: a Ctrl-C in the terminal does not reach it
        }
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").resolve(role + ".out").toFile());
        builder.environment().put("FLINK_PLUGINS_DIR", dir.resolve("plugins").toString());
        builder.environment().put("FLINK_LOG_DIR", dir.resolve("log").toString());
        pids.write(role, builder.start().pid());
    }

    private void requireAlive(String role) {
        try {
            boolean alive = members().stream().anyMatch(m -> m.role().equals(role) && m.alive());
            if (!alive) {
                throw new ClusterException(role + " exited during start; see " + log(role) + " and "
                        + dir.resolve("log").resolve(role + ".out"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void preparePlugins(ClusterClasspath classpath) throws IOException {
        Path plugin = Files.createDirectories(dir.resolve("plugins").resolve("metrics-prometheus"));
        for (Path jar : classpath.prometheusPlugin()) {
            Files.copy(jar, plugin.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(dir.resolve("log"));
        // Remembered for addTaskManager; the classpath goes too, so a later command adds the same task manager.
        Files.writeString(dir.resolve("lib.classpath"), classpath.libClasspath());
    }

    private String serialize(Path configDir, Map<String, String> dynamic) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("lpr.cluster.config-dir=").append(configDir.toAbsolutePath()).append('\n');
        sb.append("lpr.cluster.classpath=").append(Files.readString(dir.resolve("lib.classpath"))
                + File.pathSeparator + String.join(File.pathSeparator, pluginJars())).append('\n');
        dynamic.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private List<String> pluginJars() throws IOException {
        try (Stream<Path> jars = Files.list(dir.resolve("plugins").resolve("metrics-prometheus"))) {
            return jars.map(Path::toString).toList();
        }
    }

    private Map<String, String> read() throws IOException {
        Path file = dir.resolve("cluster.properties");
        if (!Files.exists(file) || members().stream().noneMatch(m -> m.role().equals(JOB_MANAGER) && m.alive())) {
            throw new ClusterException("no cluster is running from " + dir + " (lpr cluster start --port " + port + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
