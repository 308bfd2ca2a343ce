package io.lpr.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.configuration.MemorySize;

/**
 * The Flink Kubernetes Operator's own checks of a new FlinkDeployment, on top of its CRD schema (its
 * {@code DefaultValidator}: the operator's jars are not on the Maven registry reached here, so the rules are
 * restated): what it refuses a deployment for, as the messages it gives. Where operator versions differ
 * (last-state without HA was refused up to 1.9), the stricter rule is kept.
 */
final class OperatorRules {
    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z\\d]{0,43}[a-z\\d])?");
    private static final List<String> FORBIDDEN_KEYS = List.of("kubernetes.namespace", "kubernetes.cluster-id",
            "high-availability.cluster-id");
    private static final List<String> LOG_FILES = List.of("log4j-console.properties", "logback-console.xml");
    static final String CHECKPOINT_DIR = "execution.checkpointing.dir";
    static final String SAVEPOINT_DIR = "execution.checkpointing.savepoint-dir";

    private OperatorRules() {}

    /** Every rule the deployment breaks (empty: the operator takes it). */
    static List<String> violations(JsonNode deployment) {
        List<String> errors = new ArrayList<>();
        String name = deployment.path("metadata").path("name").asText();
        if (!NAME.matcher(name).matches()) {
            errors.add("The FlinkDeployment name: " + name + " is invalid");
        }
        JsonNode spec = deployment.path("spec");
        if (spec.path("flinkVersion").asText().isEmpty()) {
            errors.add("Flink Version must be defined.");
        }
        Map<String, String> conf = flinkConfiguration(spec);
        FORBIDDEN_KEYS.stream().filter(conf::containsKey).forEach(k -> errors.add("Forbidden Flink config key: " + k));
        spec.path("logConfiguration").fieldNames().forEachRemaining(k -> {
            if (!LOG_FILES.contains(k)) {
                errors.add("Invalid log config key: " + k);
            }
        });
        boolean ha = haActivated(conf);
        if (Boolean.parseBoolean(conf.getOrDefault("kubernetes.operator.deployment.rollback.enabled", "false")) && !ha) {
            errors.add("HA must be enabled for rollback support.");
        }
        JsonNode job = spec.path("job");
        if (!job.isMissingNode()) {
            String mode = job.path("upgradeMode").asText("stateless");
            if (job.path("jarURI").asText().isBlank()) {
                errors.add("Jar URI must be defined");
            }
            if (mode.equals("last-state") && !ha) {
                errors.add("Job could not be upgraded with last-state while HA disabled");
            }
            if (!mode.equals("stateless") && blank(conf.get(CHECKPOINT_DIR))) {
                errors.add("Checkpoint directory[" + CHECKPOINT_DIR + "] must be defined for last-state and savepoint upgrade modes");
            }
            if (blank(conf.get(SAVEPOINT_DIR))) {
                if (mode.equals("savepoint")) {
                    errors.add("Job could not be upgraded with savepoint while config key[" + SAVEPOINT_DIR + "] is not set");
                } else if (job.has("savepointTriggerNonce")) {
                    errors.add("Savepoint could not be manually triggered while config key[" + SAVEPOINT_DIR + "] is not set");
                } else if (conf.containsKey("kubernetes.operator.periodic.savepoint.interval")) {
                    errors.add("Periodic savepoints cannot be enabled when config key[" + SAVEPOINT_DIR + "] is not set");
                }
            }
            boolean tmReplicas = spec.path("taskManager").has("replicas");
            if (tmReplicas && spec.path("taskManager").path("replicas").asInt() < 1) {
                errors.add("TaskManager replicas must be larger than 0");
            } else if (!tmReplicas && job.path("parallelism").asInt(0) < 1) {
                errors.add("Job parallelism must be larger than 0");
            }
            if (!job.path("state").asText("running").equals("running")) {
                errors.add("Job must start in running state");
            }
        }
        memory(errors, "JobManager", spec.path("jobManager"), conf, "jobmanager.memory.process.size");
        memory(errors, "TaskManager", spec.path("taskManager"), conf, "taskmanager.memory.process.size");
        int jmReplicas = spec.path("jobManager").path("replicas").asInt(1);
        if (jmReplicas < 1) {
            errors.add("JobManager replicas should not be configured less than one.");
        } else if (jmReplicas > 1 && !ha) {
            errors.add("High availability should be enabled when starting standby JobManagers.");
        }
        if (!spec.hasNonNull("serviceAccount")) {
            errors.add("spec.serviceAccount must be defined.");
        }
        return errors;
    }

    /** flinkConfiguration as the operator reads it: nested YAML flattened to dotted keys. */
    static Map<String, String> flinkConfiguration(JsonNode spec) {
        Map<String, String> conf = new LinkedHashMap<>();
        flatten("", spec.path("flinkConfiguration"), conf);
        return conf;
    }

    static boolean haActivated(Map<String, String> conf) {
        String type = conf.getOrDefault("high-availability.type", conf.getOrDefault("high-availability", "NONE"));
        return !type.equalsIgnoreCase("NONE");
    }

    private static void memory(List<String> errors, String component, JsonNode spec, Map<String, String> conf, String key) {
        String memory = spec.path("resource").path("memory").asText("");
        if (memory.isBlank()) {
            if (blank(conf.get(key))) {
                errors.add(component + " resource memory must be defined using `spec." + component.substring(0, 1).toLowerCase()
                        + component.substring(1) + ".resource.memory`");
            }
            return;
        }
        try {
            // The operator reads Kubernetes quantities (2Gi) as Flink sizes; Flink's own units parse as they are.
            MemorySize.parse(memory.replaceAll("i$", "").toLowerCase());
        } catch (IllegalArgumentException e) {
            errors.add(component + " resource memory parse error: " + e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            into.put(prefix, node.asText());
        }
    }
}
