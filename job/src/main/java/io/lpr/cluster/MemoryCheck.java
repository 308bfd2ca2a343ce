package io.lpr.cluster;

import java.util.function.Consumer;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;

/**
 * The JobManager's and TaskManagers' memory settings, checked with Flink's own arithmetic before any JVM
 * starts: a size too small for the others (a process size under its fixed off-heap, framework and metaspace
 * parts, say) is one line naming the setting and the smallest size that works with the rest as they are.
 */
final class MemoryCheck {
    private static final long MAX_MB = 1L << 20; // 1 TiB: beyond it, no size of this setting helps

    private MemoryCheck() {}

    static void check(Configuration configuration) {
        checkRole(configuration, TaskExecutorProcessUtils::processSpecFromConfig,
                TaskManagerOptions.TOTAL_PROCESS_MEMORY, TaskManagerOptions.TOTAL_FLINK_MEMORY, "taskmanager");
        checkRole(configuration, JobManagerProcessUtils::processSpecFromConfig,
                JobManagerOptions.TOTAL_PROCESS_MEMORY, JobManagerOptions.TOTAL_FLINK_MEMORY, "jobmanager");
    }

    private static void checkRole(Configuration configuration, Consumer<Configuration> spec,
            ConfigOption<MemorySize> process, ConfigOption<MemorySize> flink, String role) {
        String problem = problem(configuration, spec);
        if (problem == null) {
            return;
        }
        for (ConfigOption<MemorySize> size : java.util.List.of(process, flink)) {
            if (configuration.contains(size)) {
                long minimum = minimumMb(configuration, spec, size);
                if (minimum > 0) {
                    String given = configuration.toMap().getOrDefault(size.key(), configuration.get(size).toString());
                    throw new ClusterException(size.key() + "=" + given + " is too small for the other " + role + ".memory settings:"
                            + " the minimum is " + minimum + "m (or lower the fixed parts: " + role
                            + ".memory.task.off-heap.size, managed.size, jvm-metaspace.size); Flink: " + problem);
                }
            }
        }
        throw new ClusterException("the " + role + "'s memory settings do not add up: " + problem);
    }

    /** The smallest size in MB of {@code size} Flink accepts with the rest unchanged; 0 if none up to 1 TiB. */
    static long minimumMb(Configuration configuration, Consumer<Configuration> spec, ConfigOption<MemorySize> size) {
        if (problem(with(configuration, size, MAX_MB), spec) != null) {
            return 0;
        }
        long low = 1;
        long high = MAX_MB; // accepted
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (problem(with(configuration, size, mid), spec) == null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return high;
    }

    private static Configuration with(Configuration configuration, ConfigOption<MemorySize> size, long mb) {
        Configuration copy = new Configuration(configuration);
        copy.set(size, MemorySize.ofMebiBytes(mb));
        return copy;
    }

    /** Flink's objection to these settings, on one line; null when it has none. */
    private static String problem(Configuration configuration, Consumer<Configuration> spec) {
        try {
            spec.accept(configuration);
            return null;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message.lines().findFirst().orElse(message).strip();
        }
    }
}
