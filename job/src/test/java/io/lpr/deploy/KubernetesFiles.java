package io.lpr.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The objects of deploy/kubernetes (every YAML document of every file), and the Secrets deploy/README.md tells
 * the user to create ({@code kubectl create secret generic NAME --from-literal=KEY=...}): no Secret with a value
 * is kept in the repository.
 */
final class KubernetesFiles {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern CREATE_SECRET = Pattern.compile("kubectl create secret generic ([a-z0-9.-]+)(.*)");
    private static final Pattern LITERAL = Pattern.compile("--from-literal=([A-Za-z0-9._-]+)=");

    /** One document and the file it is in. */
    record K8sObject(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }

    /** A pod spec and where it is: a FlinkDeployment's pod template, a Deployment's or StatefulSet's template. */
    record Pod(K8sObject owner, JsonNode spec, JsonNode labels) {
        List<String> volumeNames() {
            List<String> names = new ArrayList<>();
            spec.path("volumes").forEach(v -> names.add(v.path("name").asText()));
            owner.node().path("spec").path("volumeClaimTemplates").forEach(t -> names.add(t.path("metadata").path("name").asText()));
            return names;
        }

        JsonNode volume(String name) {
            for (JsonNode v : spec.path("volumes")) {
                if (v.path("name").asText().equals(name)) {
                    return v;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }

        JsonNode container(String name) {
            for (JsonNode c : spec.path("containers")) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }

        @Override
        public String toString() {
            return "pods of " + owner;
        }
    }

    final List<K8sObject> objects = new ArrayList<>();
    /** Secret name to its keys. */
    final Map<String, Set<String>> secrets = new LinkedHashMap<>();

    static KubernetesFiles load(Path folder, Path readme) throws IOException {
        KubernetesFiles files = new KubernetesFiles();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (it.hasNext()) {
                        JsonNode doc = it.next();
                        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                            files.objects.add(new K8sObject(file, doc));
                        }
                    }
                }
            }
        }
        for (String line : Files.readAllLines(readme)) {
            Matcher secret = CREATE_SECRET.matcher(line);
            if (secret.find()) {
                Set<String> keys = files.secrets.computeIfAbsent(secret.group(1), k -> new TreeSet<>());
                Matcher literal = LITERAL.matcher(secret.group(2));
                while (literal.find()) {
                    keys.add(literal.group(1));
                }
            }
        }
        return files;
    }

    List<K8sObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    Optional<K8sObject> find(String kind, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
    }

    /** Every pod spec the objects define. */
    List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        for (K8sObject o : objects) {
            JsonNode spec = o.node().path("spec");
            switch (o.kind()) {
                case "FlinkDeployment" -> {
                    // The operator labels the JobManager's and TaskManagers' pods app: <name>.
                    JsonNode labels = YAML.createObjectNode().put("app", o.name());
                    for (JsonNode template : List.of(spec.path("podTemplate"), spec.path("jobManager").path("podTemplate"),
                            spec.path("taskManager").path("podTemplate"))) {
                        if (!template.isMissingNode()) {
                            pods.add(new Pod(o, template.path("spec"), labels));
                        }
                    }
                }
                case "Deployment", "StatefulSet" -> pods.add(new Pod(o, spec.path("template").path("spec"),
                        spec.path("template").path("metadata").path("labels")));
                default -> { }
            }
        }
        return pods;
    }
}
