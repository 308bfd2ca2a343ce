package io.lpr.cli;

import io.lpr.cluster.ClusterClasspath;
import io.lpr.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lpr cluster start|status|stop|add-taskmanager}: a standalone Flink session cluster on this machine. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"A standalone Flink session cluster on this machine, for `lpr run --cluster 127.0.0.1:PORT`.",
            "A JobManager and task managers, each its own JVM. Pids, logs, checkpoints: ~/.lpr/cluster-PORT (or --dir)."})
final class ClusterCommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class Where {
        @Option(names = "--port", defaultValue = "8081", description = "REST port of the JobManager on 127.0.0.1 (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--dir", paramLabel = "DIR", description = "The cluster's own folder (default ~/.lpr/cluster-PORT).")
        Path dir;

        LocalCluster cluster() {
            return new LocalCluster(dir != null ? dir.toAbsolutePath() : LocalCluster.defaultDir(port), port);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts a JobManager and task managers; returns when all have registered.")
    int start(@picocli.CommandLine.Mixin Where where,
            @Option(names = "--taskmanagers", defaultValue = "1", description = "Task managers to start (default ${DEFAULT-VALUE}).") int taskManagers,
            @Option(names = "--conf", paramLabel = "DIR", description = "Flink configuration folder (default flink-conf/cluster).") Path conf,
            @Option(names = "--classpath-file", paramLabel = "FILE",
                    description = "The jars to run the cluster from, :-separated (default: this tool's own classpath).") Path classpathFile,
            @Option(names = "-D", paramLabel = "KEY=VALUE", description = "A Flink setting for this cluster, e.g. -Dtaskmanager.memory.process.size=3g.")
                    Map<String, String> settings) throws Exception {
        if (taskManagers < 1) {
            throw new UserException("--taskmanagers must be at least 1");
        }
        Path configDir = conf != null ? conf.toAbsolutePath() : home().resolve("flink-conf").resolve("cluster");
        if (!Files.isRegularFile(configDir.resolve("config.yaml"))) {
            throw new UserException("no config.yaml in " + configDir);
        }
        LocalCluster cluster = where.cluster();
        Files.createDirectories(cluster.dir());
        ClusterClasspath classpath = classpathFile != null ? ClusterClasspath.fromFile(classpathFile)
                : ClusterClasspath.of(ClusterClasspath.split(System.getProperty("java.class.path")));
        spec.commandLine().getErr().println("lpr: starting a JobManager and " + taskManagers + " task manager(s) in " + cluster.dir());
        List<String> notes = cluster.start(configDir, classpath, taskManagers,
                settings == null ? Map.of() : new LinkedHashMap<>(settings));
        print(cluster);
        notes.forEach(note -> spec.commandLine().getOut().println("lpr: " + note));
        spec.commandLine().getOut().println("web UI and REST: http://127.0.0.1:" + where.port);
        return 0;
    }

    @Command(name = "add-taskmanager", mixinStandardHelpOptions = true,
            description = "Starts one more task manager for the running cluster (to replace a lost one, or to grow).")
    int addTaskManager(@picocli.CommandLine.Mixin Where where) throws Exception {
        LocalCluster cluster = where.cluster();
        String id = cluster.addTaskManager();
        spec.commandLine().getOut().println(id + " registered");
        return 0;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "One line per process: role, pid=N, state. Exit 1 when nothing is running.")
    int status(@picocli.CommandLine.Mixin Where where) throws Exception {
        LocalCluster cluster = where.cluster();
        return print(cluster) ? 0 : 1;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops every process of the cluster and removes what it made (blob caches, temporary files,"
                    + " uploaded jars); logs, checkpoints and savepoints stay.")
    int stop(@picocli.CommandLine.Mixin Where where) throws Exception {
        LocalCluster.Stopped stopped = where.cluster().stopAndClean();
        if (stopped.members().isEmpty()) {
            spec.commandLine().getErr().println("lpr: no cluster was started from " + where.cluster().dir());
        }
        for (LocalCluster.Member m : stopped.members()) {
            spec.commandLine().getOut().println(m.line(m.alive() ? "stopped" : "was not running"));
        }
        if (!stopped.removed().isEmpty()) {
            spec.commandLine().getOut().printf("removed %s from %s (%d MB: blob caches, temporary files, uploaded jars)%n",
                    String.join(", ", stopped.removed()), where.cluster().dir(), stopped.removedBytes() >> 20);
        }
        if (!stopped.kept().isEmpty()) {
            spec.commandLine().getOut().println("kept " + String.join(", ", stopped.kept()) + " in " + where.cluster().dir());
        }
        return 0;
    }

    /** Prints each process's line; true when the JobManager runs. */
    private boolean print(LocalCluster cluster) throws Exception {
        List<LocalCluster.Member> members = cluster.members();
        if (members.isEmpty()) {
            spec.commandLine().getOut().println("no cluster started from " + cluster.dir());
            return false;
        }
        boolean restUp = cluster.rest().up();
        Set<String> registered = restUp ? Set.copyOf(cluster.rest().taskManagers()) : Set.of();
        boolean jobManager = false;
        for (LocalCluster.Member m : members) {
            String state;
            if (!m.alive()) {
                state = "not running";
            } else if (m.role().equals(LocalCluster.JOB_MANAGER)) {
                jobManager = true;
                state = restUp ? "running, REST " + cluster.rest().address() : "running, REST not answering";
            } else {
                state = registered.contains(m.role()) ? "running, registered" : "running, not registered";
            }
            if (m.alive()) {
                state += cluster.metricsPort(m.role()).map(p -> ", metrics http://127.0.0.1:" + p + "/metrics").orElse("");
            }
            spec.commandLine().getOut().println(m.line(state));
        }
        return jobManager;
    }

    private static Path home() {
        return Path.of(System.getProperty("lpr.home", ".")).toAbsolutePath();
    }
}
