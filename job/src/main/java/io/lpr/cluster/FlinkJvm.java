package io.lpr.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * The command lines of a standalone cluster's JVMs, built the way Flink's {@code jobmanager.sh} and
 * {@code taskmanager.sh} build them: the memory arguments {@code BashJavaUtils} computes from the
 * configuration, the JVM options of {@code env.java.opts.*} (the {@code --add-opens} list Java 17 needs),
 * logging to a file, then the entry point with {@code --configDir} and the dynamic properties.
 */
final class FlinkJvm {
    static final String JOB_MANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private final Path configDir;
    private final ClusterClasspath classpath;
    private final Map<String, String> dynamic;
    private final Configuration configuration;

    FlinkJvm(Path configDir, ClusterClasspath classpath, Map<String, String> dynamic) {
        this.configDir = configDir;
        this.classpath = classpath;
        this.dynamic = dynamic;
        this.configuration = GlobalConfiguration.loadConfiguration(configDir.toString(), Configuration.fromMap(dynamic));
    }

    /** Fails with one line when the memory settings cannot start a JobManager or TaskManager. */
    void checkMemory() {
        MemoryCheck.check(configuration);
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The JobManager's command line. */
    List<String> jobManager(Path logFile) throws IOException {
        List<String> command = jvm(memory("GET_JM_RESOURCE_PARAMS").jvmParams,
                CoreOptions.FLINK_JM_JVM_OPTIONS, logFile);
        command.add(JOB_MANAGER);
        command.addAll(entryArguments(Map.of()));
        return command;
    }

    /** A TaskManager's command line; {@code own} are its own dynamic properties (resource id, metrics port). */
    List<String> taskManager(Path logFile, Map<String, String> own) throws IOException {
        Memory memory = memory("GET_TM_RESOURCE_PARAMS");
        List<String> command = jvm(memory.jvmParams, CoreOptions.FLINK_TM_JVM_OPTIONS, logFile);
        command.add(TASK_MANAGER);
        command.addAll(entryArguments(own));
        command.addAll(memory.dynamicConfigs);
        return command;
    }

    private List<String> jvm(List<String> memoryParams, ConfigOption<String> roleOptions, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(memoryParams);
        command.addAll(words(configuration.get(CoreOptions.FLINK_JVM_OPTIONS)));
        command.addAll(words(configuration.get(roleOptions)));
        command.add("-Dlog.file=" + logFile);
        command.add("-Dlog4j.configurationFile=file:" + configDir.resolve("log4j.properties"));
        command.add("-classpath");
        command.add(classpath.libClasspath());
        return command;
    }

    private List<String> entryArguments(Map<String, String> own) {
        List<String> args = new ArrayList<>(List.of("--configDir", configDir.toString()));
        dynamic.forEach((k, v) -> args.add("-D" + k + "=" + v));
        own.forEach((k, v) -> args.add("-D" + k + "=" + v));
        return args;
    }

    private record Memory(List<String> jvmParams, List<String> dynamicConfigs) {}

    /** Runs {@code BashJavaUtils} as Flink's scripts do and takes its last two result lines. */
    private Memory memory(String command) throws IOException {
        List<String> args = new ArrayList<>(List.of(java(), "-classpath", classpath.libClasspath(),
                "-Dlog4j2.level=WARN", BASH_JAVA_UTILS, command));
        args.addAll(entryArguments(Map.of()));
        Process process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new ClusterException("Flink's BashJavaUtils " + command + " failed: " + RestApi.cause(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> results = output.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length())).toList();
        if (results.isEmpty()) {
            throw new IOException("BashJavaUtils " + command + " printed no result: " + output.strip());
        }
        List<String> jvm = words(results.get(0));
        List<String> dynamicConfigs = new ArrayList<>();
        if (results.size() > 1) {
            // "-D key=value -D key=value": pairs of words, passed on as they are.
            dynamicConfigs.addAll(words(results.get(1)));
        }
        return new Memory(jvm, dynamicConfigs);
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.trim().split("\\s+")).toList();
    }
}
