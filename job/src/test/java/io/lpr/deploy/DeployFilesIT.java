package io.lpr.deploy;

import static io.lpr.deploy.KubernetesFiles.YAML;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.lpr.cli.LprCli;
import io.lpr.cluster.JobSubmission;
import io.lpr.db.Database;
import io.lpr.deploy.KubernetesFiles.K8sObject;
import io.lpr.deploy.KubernetesFiles.Pod;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventStore;
import io.lpr.sink.PlateEventStatement;
import io.lpr.testing.ServingLine;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy files that cannot run here (Docker, Kubernetes, Compose), checked as far as they can be: the image's
 * build context is made by its script and holds what the Dockerfile copies, and its web UI entry point serves
 * on the jars it holds; every FlinkDeployment passes the operator's CRD schema and its DefaultValidator rules;
 * every other object has its kind's fields; every name, key, mount path and port one file uses, another defines;
 * the settings they name are the code's; compose runs the whole stack with the same image and reporter port.
 */
class DeployFilesIT {
    static final Path HOME = Path.of(System.getProperty("lpr.home")).toAbsolutePath().normalize();
    static final Path DEPLOY = HOME.resolve("deploy");
    static final Path COMPOSE = DEPLOY.resolve("compose/docker-compose.yaml");
    static final Path CRD = HOME.resolve("../shared/reference/flink-kubernetes-operator/flinkdeployments.flink.apache.org-v1.yml");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Configuration CLUSTER = GlobalConfiguration.loadConfiguration(
            HOME.resolve("flink-conf").resolve("cluster").toString());
    static final String FLINK_CONTAINER = "flink-main-container";
    static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    @TempDir
    static Path shared;
    static Path context;

    @TempDir
    Path dir;

    @BeforeAll
    static void prepareTheImageContext() throws Exception {
        context = shared.resolve("context");
        Process prepare = new ProcessBuilder("bash", DEPLOY.resolve("docker/prepare.sh").toString(), context.toString())
                .redirectErrorStream(true).start();
        String output = new String(prepare.getInputStream().readAllBytes());
        assertThat(prepare.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(prepare.exitValue()).as(output).isZero();
    }

    // ---- the image ----

    @Test
    void theImageContextHoldsWhatTheDockerfileCopies() throws Exception {
        List<String> dockerfile = Files.readAllLines(context.resolve("Dockerfile"));
        for (String line : dockerfile) {
            if (line.startsWith("COPY ")) {
                assertThat(context.resolve(line.split("\\s+")[1])).as(line).exists();
            }
        }
        assertThat(names(context.resolve("lib"))).anyMatch(n -> n.startsWith("pytorch-engine-"))
                .anyMatch(n -> n.startsWith("pytorch-native-cpu-")).anyMatch(n -> n.startsWith("onnxruntime-"))
                .anyMatch(n -> n.startsWith("javacpp-")).anyMatch(n -> n.startsWith("ffmpeg-"))
                .noneMatch(n -> n.startsWith("flink-")).noneMatch(n -> n.startsWith("lpr-"));
        assertThat(names(context.resolve("plugins/metrics-prometheus"))).anyMatch(n -> n.startsWith("flink-metrics-prometheus-"));
        assertThat(names(context.resolve("serve"))).anyMatch(n -> n.startsWith("javalin-"))
                .anyMatch(n -> n.startsWith("jetty-server-")).noneMatch(n -> n.startsWith("flink-"))
                .noneMatch(n -> names(context.resolve("lib")).contains(n));
        assertThat(Files.readString(context.resolve("conf/config.yaml")))
                .isEqualTo(Files.readString(HOME.resolve("flink-conf/cluster/config.yaml")));
        // One image, two entry points: the script it copies is its ENTRYPOINT.
        assertThat(dockerfile).contains("COPY lpr-entrypoint.sh /opt/lpr/lpr-entrypoint.sh")
                .contains("ENTRYPOINT [\"/opt/lpr/lpr-entrypoint.sh\"]");
        // The state folder (and so a fresh named volume on it) belongs to the flink user.
        assertThat(String.join("\n", dockerfile)).contains("chown -R flink:flink /var/lib/flink");
    }

    @Test
    void theImagesServeEntryPointServesTheWebUiFromTheJarsItHolds() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        PlateEvent event = new PlateEvent();
        event.eventId = "e1";
        event.cameraId = "gate";
        event.plateText = "B840CK197";
        event.firstSeen = 1_714_564_800_000L;
        event.lastSeen = event.firstSeen + 1000;
        EventStore.ensureSchema(Database.of(db, null, null));
        PlateEventStatement.upsert(Database.of(db, null, null), List.of(event));

        // Flink's lib/ in the image: Flink's own jars (here: the build's classpath) and the native-bearing ones;
        // what serve/ holds is only there, so the web server must come from the image's serve/.
        Path flinkHome = dir.resolve("flink");
        Files.createDirectories(flinkHome.resolve("lib"));
        List<String> serveJars = names(context.resolve("serve"));
        for (String entry : Files.readString(HOME.resolve("job/target/lpr.classpath")).trim().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (name.endsWith(".jar") && !serveJars.contains(name) && !Files.exists(flinkHome.resolve("lib").resolve(name))) {
                Files.createSymbolicLink(flinkHome.resolve("lib").resolve(name), jar);
            }
        }
        ProcessBuilder builder = new ProcessBuilder("bash", context.resolve("lpr-entrypoint.sh").toString(),
                "serve", "--db", db, "--port", "0").redirectErrorStream(true);
        builder.environment().put("LPR_HOME", context.toString());
        builder.environment().put("FLINK_HOME", flinkHome.toString());
        builder.environment().put("LPR_JAVA_OPTS", "-Xmx256m");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        Process serve = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String url = ServingLine.url(out);
            HttpResponse<String> events = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "api/events")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("\"plate\":\"B840CK197\"");
            // What the Kubernetes readiness probe asks, without the token.
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"events\":1");
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void theImagesOtherEntryPointIsFlinks() throws Exception {
        Path flinkEntry = dir.resolve("docker-entrypoint.sh");
        Files.writeString(flinkEntry, "#!/usr/bin/env bash\necho \"flink entry: $*\"\n");
        assertThat(flinkEntry.toFile().setExecutable(true)).isTrue();
        for (List<String> args : List.of(List.of("jobmanager"), List.of("job", "taskmanager"), List.of("flink", "run", "-d", "x.jar"))) {
            List<String> command = new ArrayList<>(List.of("bash", context.resolve("lpr-entrypoint.sh").toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("LPR_FLINK_ENTRYPOINT", flinkEntry.toString());
            Process entry = builder.start();
            String output = new String(entry.getInputStream().readAllBytes()).trim();
            assertThat(entry.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> expected = args.get(0).equals("job") ? args.subList(1, args.size()) : args;
            assertThat(output).isEqualTo("flink entry: " + String.join(" ", expected));
        }
    }

    // ---- Kubernetes ----

    @Test
    void everyFlinkDeploymentPassesTheOperatorsCrdSchema() throws Exception {
        Schema schema = flinkDeploymentSchema();
        List<K8sObject> deployments = kubernetes().ofKind("FlinkDeployment");
        assertThat(deployments).isNotEmpty();
        for (K8sObject deployment : deployments) {
            assertThat(deployment.node().path("apiVersion").asText()).as(deployment.toString()).isEqualTo("flink.apache.org/v1beta1");
            assertThat(schema.validate(deployment.node())).as(deployment.toString()).isEmpty();
        }
        // The schema is applied as kubectl's strict validation does: an unknown field or value is refused.
        ObjectNode wrong = deployments.get(0).node().deepCopy();
        ((ObjectNode) wrong.path("spec").path("job")).put("upgradeMode", "latest");
        ((ObjectNode) wrong.path("spec").path("podTemplate").path("spec")).put("securityContxt", "x");
        assertThat(schema.validate(wrong)).extracting(Error::toString)
                .anyMatch(e -> e.contains("upgradeMode")).anyMatch(e -> e.contains("securityContxt"));
    }

    @Test
    void everyFlinkDeploymentPassesTheOperatorsRules() throws Exception {
        List<K8sObject> deployments = kubernetes().ofKind("FlinkDeployment");
        for (K8sObject deployment : deployments) {
            assertThat(OperatorRules.violations(deployment.node())).as(deployment.toString()).isEmpty();
            String mode = deployment.node().path("spec").path("job").path("upgradeMode").asText();
            assertThat(mode).as("upgrades keep the state").isIn("savepoint", "last-state");
            // JobManager loss: Kubernetes HA services, their metadata on the shared volume.
            Map<String, String> conf = OperatorRules.flinkConfiguration(deployment.node().path("spec"));
            assertThat(conf.get("high-availability.type")).isEqualTo("kubernetes");
            assertThat(conf.get("high-availability.storageDir")).isNotBlank();
        }
        // The rules bite: what the operator refused this file for before.
        ObjectNode old = deployments.get(0).node().deepCopy();
        ObjectNode conf = (ObjectNode) old.path("spec").path("flinkConfiguration");
        conf.remove(List.of(OperatorRules.CHECKPOINT_DIR, OperatorRules.SAVEPOINT_DIR, "high-availability.type"));
        assertThat(OperatorRules.violations(old)).anyMatch(e -> e.startsWith("Checkpoint directory[execution.checkpointing.dir]"))
                .anyMatch(e -> e.startsWith("Job could not be upgraded with savepoint"));
        ((ObjectNode) old.path("spec").path("job")).put("upgradeMode", "last-state");
        assertThat(OperatorRules.violations(old)).contains("Job could not be upgraded with last-state while HA disabled");
    }

    @Test
    void everyOtherKubernetesObjectHasItsKindsFields() throws Exception {
        KubernetesFiles k8s = kubernetes();
        Map<String, String> apiVersions = Map.of("FlinkDeployment", "flink.apache.org/v1beta1", "ConfigMap", "v1",
                "PersistentVolumeClaim", "v1", "Service", "v1", "StatefulSet", "apps/v1", "Deployment", "apps/v1",
                "NetworkPolicy", "networking.k8s.io/v1");
        assertThat(k8s.objects).extracting(K8sObject::kind).containsAll(apiVersions.keySet());
        // The operator's CRD holds Kubernetes' own Pod schema (for its podTemplate): the other pods must pass it too.
        Schema podTemplate = podTemplateSchema();
        for (K8sObject o : k8s.objects) {
            JsonNode n = o.node();
            assertThat(apiVersions).as("a known kind: %s", o).containsEntry(o.kind(), n.path("apiVersion").asText());
            assertThat(o.name()).as(o.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            JsonNode spec = n.path("spec");
            switch (o.kind()) {
                case "ConfigMap" -> assertThat(n.path("data").isObject() && !n.path("data").isEmpty()).as(o.toString()).isTrue();
                case "PersistentVolumeClaim" -> {
                    assertThat(spec.path("accessModes")).as(o.toString()).isNotEmpty();
                    assertThat(spec.path("resources").path("requests").path("storage").asText()).as(o.toString()).isNotBlank();
                }
                case "Service" -> {
                    assertThat(spec.path("selector").isObject()).as(o.toString()).isTrue();
                    assertThat(spec.path("ports")).as(o.toString()).isNotEmpty();
                    spec.path("ports").forEach(p -> assertThat(p.path("port").isInt()).as(o.toString()).isTrue());
                }
                case "Deployment", "StatefulSet" -> {
                    JsonNode template = spec.path("template");
                    assertThat(template.path("metadata").path("labels").properties())
                            .as("%s: the selector matches its pods", o).containsAll(spec.path("selector").path("matchLabels").properties());
                    assertThat(spec.path("selector").path("matchLabels")).as(o.toString()).isNotEmpty();
                    assertThat(podTemplate.validate(template)).as(o.toString()).isEmpty();
                    if (o.kind().equals("StatefulSet")) {
                        assertThat(k8s.find("Service", spec.path("serviceName").asText())).as(o.toString()).isPresent();
                    }
                }
                case "NetworkPolicy" -> {
                    assertThat(spec.path("podSelector").isObject()).as(o.toString()).isTrue();
                    assertThat(spec.path("policyTypes")).extracting(JsonNode::asText).as(o.toString()).contains("Ingress");
                    spec.path("ingress").forEach(rule -> assertThat(rule.path("from"))
                            .as("%s: every rule names who it admits (a rule without 'from' admits everyone)", o).isNotEmpty());
                }
                default -> { }
            }
        }
    }

    @Test
    void kubernetesNamesKeysMountsAndPortsMatch() throws Exception {
        KubernetesFiles k8s = kubernetes();
        assertThat(k8s.secrets).as("the secrets deploy/README.md creates").isNotEmpty();
        for (Pod pod : k8s.pods()) {
            List<String> volumes = pod.volumeNames();
            for (JsonNode container : pod.spec().path("containers")) {
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    for (String action : List.of("httpGet", "tcpSocket")) {
                        JsonNode port = container.path(probe).path(action).path("port");
                        if (!port.isMissingNode()) {
                            assertThat(containerPort(pod, port)).as("%s: the %s's port", pod, probe).isPositive();
                        }
                    }
                }
                container.path("volumeMounts").forEach(m -> assertThat(volumes).as("%s mounts", pod).contains(m.path("name").asText()));
                for (JsonNode env : container.path("env")) {
                    JsonNode secret = env.path("valueFrom").path("secretKeyRef");
                    if (!secret.isMissingNode()) {
                        assertThat(k8s.secrets).as("%s: %s", pod, env).containsKey(secret.path("name").asText());
                        assertThat(k8s.secrets.get(secret.path("name").asText())).as("%s: %s", pod, env).contains(secret.path("key").asText());
                    }
                    JsonNode key = env.path("valueFrom").path("configMapKeyRef");
                    if (!key.isMissingNode()) {
                        assertThat(configMap(k8s, key.path("name").asText()).path("data").has(key.path("key").asText())).as("%s: %s", pod, env).isTrue();
                    }
                }
            }
            for (JsonNode volume : pod.spec().path("volumes")) {
                if (volume.has("configMap")) {
                    configMap(k8s, volume.path("configMap").path("name").asText());
                }
                if (volume.has("persistentVolumeClaim")) {
                    assertThat(k8s.find("PersistentVolumeClaim", volume.path("persistentVolumeClaim").path("claimName").asText()))
                            .as("%s: %s", pod, volume).isPresent();
                }
                if (volume.has("secret")) {
                    assertThat(k8s.secrets).as("%s: %s", pod, volume).containsKey(volume.path("secret").path("secretName").asText());
                }
            }
        }
        for (K8sObject service : k8s.ofKind("Service")) {
            Pod pod = selected(k8s, service.node().path("spec").path("selector"));
            for (JsonNode port : service.node().path("spec").path("ports")) {
                assertThat(containerPort(pod, port.path("targetPort").isMissingNode() ? port.path("port") : port.path("targetPort")))
                        .as("%s: targetPort %s is a port of its pods", service, port).isPositive();
            }
        }

        // The job and the web UI: their settings file is the mounted ConfigMap's, and what it names exists.
        K8sObject flink = k8s.ofKind("FlinkDeployment").get(0);
        Pod flinkPod = k8s.pods().stream().filter(p -> p.owner().equals(flink)).findFirst().orElseThrow();
        K8sObject web = k8s.find("Deployment", "lpr-web").orElseThrow();
        Pod webPod = k8s.pods().stream().filter(p -> p.owner().equals(web)).findFirst().orElseThrow();
        JsonNode webContainer = webPod.spec().path("containers").path(0);
        Map<Pod, JsonNode> settingsUsers = Map.of(flinkPod, flink.node().path("spec").path("job").path("args"),
                webPod, webContainer.path("args"));
        for (Map.Entry<Pod, JsonNode> user : settingsUsers.entrySet()) {
            Pod pod = user.getKey();
            JsonNode container = pod.owner().kind().equals("FlinkDeployment") ? pod.container(FLINK_CONTAINER) : webContainer;
            String configPath = flag(user.getValue(), "--config");
            Map<String, String> settings = flatten(YAML.readTree(mountedConfigMapFile(k8s, pod, container, configPath)));
            assertThat(settings).as("%s: %s", pod, configPath).containsKey("lpr.sink.jdbc-url");
            if (pod.owner().kind().equals("FlinkDeployment")) {
                JsonNode cameras = YAML.readTree(mountedConfigMapFile(k8s, pod, container, settings.get("lpr.cameras-file")));
                assertThat(cameras.path("cameras")).as("the cameras file").isNotEmpty();
                cameras.path("cameras").forEach(c -> assertThat(c.path("id").asText() + c.path("url").asText()).isNotBlank());
            }
            // The database: a Service of a PostgreSQL whose database, user and password are the job's.
            Matcher jdbc = JDBC.matcher(settings.get("lpr.sink.jdbc-url"));
            assertThat(jdbc.matches()).as(settings.get("lpr.sink.jdbc-url")).isTrue();
            K8sObject service = k8s.find("Service", jdbc.group(1)).orElseThrow(() -> new AssertionError("no Service " + jdbc.group(1)));
            JsonNode servicePort = portOf(service, Integer.parseInt(jdbc.group(2)));
            Pod postgres = selected(k8s, service.node().path("spec").path("selector"));
            JsonNode pg = postgres.spec().path("containers").path(0);
            assertThat(containerPort(postgres, servicePort.path("targetPort"))).isEqualTo(5432);
            assertThat(env(pg, "POSTGRES_DB").path("value").asText()).isEqualTo(jdbc.group(3));
            assertThat(env(pg, "POSTGRES_USER").path("value").asText()).isEqualTo(settings.get("lpr.sink.user"));
            String passwordEnv = settings.getOrDefault("lpr.sink.password-env", Database.DEFAULT_PASSWORD_ENV);
            assertThat(env(container, passwordEnv).path("valueFrom").path("secretKeyRef"))
                    .as("%s: the password from the Secret PostgreSQL takes it from", pod)
                    .isEqualTo(env(pg, "POSTGRES_PASSWORD").path("valueFrom").path("secretKeyRef"));
        }
        // The web UI listens on its pod's address: it needs its token, from a Secret.
        assertThat(flag(webContainer.path("args"), "--bind")).isEqualTo("0.0.0.0");
        assertThat(env(webContainer, io.lpr.web.WebServer.TOKEN_ENV).path("valueFrom").has("secretKeyRef")).isTrue();
        assertThat(containerPort(webPod, JSON.valueToTree(Integer.parseInt(flag(webContainer.path("args"), "--port"))))).isPositive();
        assertThat(webContainer.path("image").asText()).as("one image").isEqualTo(flink.node().path("spec").path("image").asText());

        // Checkpoints, savepoints and HA metadata: on a writable volume the Flink pods share.
        Map<String, String> conf = OperatorRules.flinkConfiguration(flink.node().path("spec"));
        JsonNode main = flinkPod.container(FLINK_CONTAINER);
        for (String key : List.of(OperatorRules.CHECKPOINT_DIR, OperatorRules.SAVEPOINT_DIR, "high-availability.storageDir")) {
            URI uri = URI.create(conf.get(key));
            assertThat(uri.getScheme()).as(key).isEqualTo("file");
            JsonNode mount = mountOf(main, uri.getPath());
            assertThat(mount.path("readOnly").asBoolean(false)).as(key).isFalse();
            JsonNode claim = flinkPod.volume(mount.path("name").asText()).path("persistentVolumeClaim");
            K8sObject pvc = k8s.find("PersistentVolumeClaim", claim.path("claimName").asText()).orElseThrow(() -> new AssertionError(key));
            assertThat(pvc.node().path("spec").path("accessModes")).extracting(JsonNode::asText)
                    .as("%s: the JobManager and every TaskManager mount it", key).contains("ReadWriteMany");
        }
    }

    @Test
    void kubernetesRunsTheSameSettingsJarAndFlags() throws Exception {
        JsonNode spec = kubernetes().ofKind("FlinkDeployment").get(0).node().path("spec");
        JsonNode conf = spec.path("flinkConfiguration");
        assertThat(conf.path("classloader.parent-first-patterns.additional").asText().split(";"))
                .containsExactlyElementsOf(CLUSTER.get(org.apache.flink.configuration.CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL));
        for (String key : List.of("metrics.reporters", "metrics.reporter.prom.factory.class", "metrics.reporter.prom.port",
                "env.java.opts.all", "execution.checkpointing.interval", "state.backend.type", "restart-strategy.type")) {
            assertThat(conf.path(key).asText()).as(key).isEqualTo(CLUSTER.toMap().get(key));
        }
        JsonNode env = spec.path("podTemplate").path("spec").path("containers").path(0).path("env").path(0);
        assertThat(env.path("name").asText()).isEqualTo("LPR_DB_PASSWORD");
        assertThat(env.path("valueFrom").has("secretKeyRef")).isTrue();

        JsonNode job = spec.path("job");
        assertThat(job.path("entryClass").asText()).isEqualTo(JobSubmission.ENTRY_CLASS);
        String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains(job.path("jarURI").asText().replace("local://", "") + "\n");
        parsesAsTheJob(job.path("entryClass").asText(), job.path("args"));
    }

    @Test
    void theNetworkPolicyAdmitsTheOperatorAndPrometheusAndNothingElse() throws Exception {
        KubernetesFiles k8s = kubernetes();
        K8sObject flink = k8s.ofKind("FlinkDeployment").get(0);
        Map<String, String> conf = OperatorRules.flinkConfiguration(flink.node().path("spec"));
        JsonNode flinkLabels = JSON.createObjectNode().put("app", flink.name());
        K8sObject policy = k8s.ofKind("NetworkPolicy").stream()
                .filter(p -> p.node().path("spec").path("podSelector").path("matchLabels").equals(flinkLabels))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy selects the pods of " + flink));
        int rest = Integer.parseInt(conf.getOrDefault(RestOptions.PORT.key(), String.valueOf(RestOptions.PORT.defaultValue())));
        String[] reporter = conf.get("metrics.reporter.prom.port").split("-");
        List<String> admitted = new ArrayList<>();
        for (JsonNode rule : policy.node().path("spec").path("ingress")) {
            JsonNode peers = rule.path("from");
            boolean ownPods = peers.size() == 1 && peers.get(0).path("podSelector").path("matchLabels").equals(flinkLabels)
                    && !peers.get(0).has("namespaceSelector") && !peers.get(0).has("ipBlock");
            if (ownPods) {
                admitted.add("flink"); // JobManager and TaskManagers among themselves: RPC, blob, data ports
                continue;
            }
            assertThat(peers).as("one kind of peer per rule").hasSize(1);
            JsonNode peer = peers.get(0);
            assertThat(peer.path("namespaceSelector").path("matchLabels")).as("a namespace, named").isNotEmpty();
            assertThat(peer.path("podSelector").path("matchLabels")).as("pods of that namespace, named").isNotEmpty();
            assertThat(rule.path("ports")).as("a rule from elsewhere names its ports").hasSize(1);
            JsonNode port = rule.path("ports").get(0);
            String who = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
            if (who.equals("flink-kubernetes-operator")) {
                assertThat(port.path("port").asInt()).isEqualTo(rest);
                assertThat(port.has("endPort")).isFalse();
            } else if (who.equals("prometheus")) {
                assertThat(port.path("port").asInt()).isEqualTo(Integer.parseInt(reporter[0]));
                assertThat(port.path("endPort").asInt(port.path("port").asInt()))
                        .isEqualTo(Integer.parseInt(reporter[reporter.length - 1]));
            }
            admitted.add(who);
        }
        assertThat(admitted).containsExactlyInAnyOrder("flink", "flink-kubernetes-operator", "prometheus");

        // The database takes connections on its port from the job's and the web UI's pods only.
        K8sObject service = k8s.find("Service", "lpr-postgres").orElseThrow();
        Pod postgres = selected(k8s, service.node().path("spec").path("selector"));
        K8sObject dbPolicy = k8s.ofKind("NetworkPolicy").stream()
                .filter(p -> postgres.labels().properties().containsAll(p.node().path("spec").path("podSelector").path("matchLabels").properties()))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + postgres));
        JsonNode rules = dbPolicy.node().path("spec").path("ingress");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).path("ports")).extracting(p -> p.path("port").asInt()).containsExactly(5432);
        List<JsonNode> peers = new ArrayList<>();
        rules.get(0).path("from").forEach(p -> peers.add(p.path("podSelector").path("matchLabels")));
        assertThat(peers).containsExactlyInAnyOrder(flinkLabels,
                k8s.find("Deployment", "lpr-web").orElseThrow().node().path("spec").path("template").path("metadata").path("labels"));
    }

    @Test
    void theSettingsTheFilesNameAreTheCodes() throws Exception {
        OptionKeys keys = OptionKeys.fromClasspath(HOME);
        assertThat(keys.lprKeys()).as("options found in the compiled classes").contains("lpr.sink.jdbc-url", "lpr.cameras-file");
        Map<String, String> used = new LinkedHashMap<>();
        KubernetesFiles k8s = kubernetes();
        for (K8sObject map : k8s.ofKind("ConfigMap")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.node().path("data").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> file = it.next();
                JsonNode content = YAML.readTree(file.getValue().asText());
                if (!file.getKey().startsWith("cameras")) { // a cameras file has cameras, not settings
                    flatten(content).keySet().forEach(k -> used.put(k, map + " " + file.getKey()));
                }
            }
        }
        for (K8sObject deployment : k8s.ofKind("FlinkDeployment")) {
            OperatorRules.flinkConfiguration(deployment.node().path("spec")).keySet().forEach(k -> used.put(k, deployment.toString()));
            setFlags(deployment.node().path("spec").path("job").path("args")).forEach(k -> used.put(k, deployment + " --set"));
        }
        flatten(YAML.readTree(DEPLOY.resolve("compose/config/lpr.yaml").toFile())).keySet().forEach(k -> used.put(k, "compose/config/lpr.yaml"));
        CLUSTER.keySet().forEach(k -> used.put(k, "flink-conf/cluster/config.yaml"));
        assertThat(used).isNotEmpty();
        used.forEach((key, where) -> assertThat(keys.known(key)).as("%s in %s: a setting the code has", key, where).isTrue());
        assertThat(keys.known("lpr.sink.jdbc-urll")).as("a misspelt key is caught").isFalse();
    }

    @Test
    void noGpuIsClaimed() throws Exception {
        List<String> claims = new ArrayList<>();
        for (K8sObject o : kubernetes().objects) {
            o.node().findParents("nvidia.com/gpu").forEach(p -> claims.add(o.toString()));
        }
        JsonNode compose = composeFile();
        compose.path("services").forEach(s -> {
            if (!s.path("deploy").path("resources").path("reservations").path("devices").isMissingNode() || s.has("runtime")) {
                claims.add(s.toString());
            }
        });
        assertThat(claims).isEmpty();
        assertThat(Files.readString(DEPLOY.resolve("README.md"))).contains("nvidia.com/gpu"); // documented instead
    }

    // ---- compose ----

    @Test
    void composeBuildsThatImageAndTakesThePasswordFromTheEnvironment() throws Exception {
        JsonNode flink = composeFile().path("x-flink");
        assertThat(COMPOSE.getParent().resolve(flink.path("build").path("context").asText()).normalize())
                .isEqualTo(HOME.resolve("job/target/docker-context"));
        assertThat(flink.path("environment").path("LPR_DB_PASSWORD").asText()).startsWith("${LPR_DB_PASSWORD");
        for (JsonNode volume : flink.path("volumes")) {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                // models/weights is what models/fetch fills
                Path path = COMPOSE.getParent().resolve(source).normalize();
                assertThat(path.equals(HOME.resolve("models/weights")) ? HOME.resolve("models/fetch") : path)
                        .as(volume.asText()).exists();
            }
        }
    }

    @Test
    void composeRunsTheWholeStackOnOneImage() throws Exception {
        JsonNode compose = composeFile();
        JsonNode services = compose.path("services");
        assertThat(services.properties()).extracting(Map.Entry::getKey)
                .contains("jobmanager", "taskmanager", "postgres", "kafka", "prometheus", "grafana", "web");
        String image = compose.path("x-flink").path("image").asText();
        String k8sImage = kubernetes().ofKind("FlinkDeployment").get(0).node().path("spec").path("image").asText();
        assertThat(k8sImage).as("Kubernetes runs the same image").endsWith("/" + image);
        for (String name : List.of("jobmanager", "taskmanager", "web", "submit", "flink-state-init")) {
            assertThat(services.path(name).path("image").asText()).as(name).isEqualTo(image);
        }
        assertThat(command(services.path("jobmanager"))).containsExactly("jobmanager");
        assertThat(command(services.path("taskmanager"))).containsExactly("taskmanager");

        Set<String> declared = new java.util.TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        Set<String> usedVolumes = new java.util.TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            String name = service.getKey();
            JsonNode s = service.getValue();
            for (JsonNode volume : s.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    Path path = COMPOSE.getParent().resolve(source).normalize();
                    assertThat(path.equals(HOME.resolve("models/weights")) ? HOME.resolve("models/fetch") : path)
                            .as("%s: %s", name, volume.asText()).exists();
                } else if (!source.startsWith("$") && !source.startsWith("/")) {
                    assertThat(declared).as("%s: %s", name, volume.asText()).contains(source);
                    usedVolumes.add(source);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> deps = dependsOn(s).fields(); deps.hasNext(); ) {
                Map.Entry<String, JsonNode> dep = deps.next();
                JsonNode target = services.path(dep.getKey());
                assertThat(target.isMissingNode()).as("%s depends on %s", name, dep.getKey()).isFalse();
                String condition = dep.getValue().path("condition").asText("service_started");
                if (condition.equals("service_healthy")) {
                    assertThat(target.has("healthcheck")).as("%s waits for %s to be healthy", name, dep.getKey()).isTrue();
                } else if (condition.equals("service_completed_successfully")) {
                    assertThat(target.has("restart")).as("%s is a one-shot step", dep.getKey()).isFalse();
                }
            }
            assertThat(s.path("image").asText()).as("%s: a pinned image", name).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
            for (JsonNode port : s.path("ports")) {
                assertThat(port.asText()).as("%s publishes on this machine only", name).startsWith("127.0.0.1:");
            }
            for (Iterator<Map.Entry<String, JsonNode>> env = s.path("environment").fields(); env.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = env.next();
                if (variable.getKey().matches(".*(PASSWORD|TOKEN|SECRET).*")) {
                    assertThat(variable.getValue().asText()).as("%s: %s from the environment", name, variable.getKey())
                            .matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                }
            }
        }
        assertThat(usedVolumes).as("every declared volume is used").isEqualTo(declared);

        // State the flink user (uid 9999) can write: checkpoints and savepoints on the state volume, which the
        // image's folder and a one-shot chown give to 9999 before the JobManager and TaskManager start.
        for (String name : List.of("jobmanager", "taskmanager")) {
            for (String key : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir")) {
                String path = URI.create(CLUSTER.toMap().get(key)).getPath();
                String volume = composeVolumeFor(services.path(name), path);
                assertThat(declared).as("%s: %s on a named volume", name, key).contains(volume);
                assertThat(composeVolumeFor(services.path("flink-state-init"), path)).isEqualTo(volume);
            }
            assertThat(dependsOn(services.path(name)).path("flink-state-init").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
        JsonNode init = services.path("flink-state-init");
        assertThat(init.path("user").asText()).isEqualTo("0");
        assertThat(command(init, "entrypoint")).startsWith("chown", "-R", "9999:9999");

        // The settings: PostgreSQL and Kafka as the compose services are.
        Map<String, String> settings = flatten(YAML.readTree(DEPLOY.resolve("compose/config/lpr.yaml").toFile()));
        Matcher jdbc = JDBC.matcher(settings.get("lpr.sink.jdbc-url"));
        assertThat(jdbc.matches()).isTrue();
        JsonNode postgres = services.path(jdbc.group(1));
        assertThat(postgres.path("image").asText()).startsWith("postgres:");
        assertThat(jdbc.group(2)).isEqualTo("5432");
        assertThat(postgres.path("environment").path("POSTGRES_DB").asText()).isEqualTo(jdbc.group(3));
        assertThat(postgres.path("environment").path("POSTGRES_USER").asText()).isEqualTo(settings.get("lpr.sink.user"));
        assertThat(postgres.path("environment").path("POSTGRES_PASSWORD").asText())
                .isEqualTo(compose.path("x-flink").path("environment").path("LPR_DB_PASSWORD").asText())
                .isEqualTo(services.path("web").path("environment").path("LPR_DB_PASSWORD").asText());
        String bootstrap = settings.get("lpr.kafka.bootstrap");
        JsonNode kafka = services.path(bootstrap.split(":")[0]);
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        JsonNode kafkaEnv = kafka.path("environment");
        assertThat(kafkaEnv.path("KAFKA_PROCESS_ROLES").asText().split(",")).as("KRaft").contains("broker", "controller");
        assertThat(kafkaEnv.path("KAFKA_ADVERTISED_LISTENERS").asText()).contains("//" + bootstrap);
        assertThat(composeVolumeFor(kafka, kafkaEnv.path("KAFKA_LOG_DIRS").asText())).isIn(declared);
        String cameras = settings.get("lpr.cameras-file");
        Path camerasOnHost = hostPath(services.path("taskmanager"), compose, cameras);
        assertThat(YAML.readTree(camerasOnHost.toFile()).path("cameras")).as(cameras).isNotEmpty();

        // The job, submitted from the image, and the web UI: their flags exist, their files are mounted.
        List<String> submit = command(services.path("submit"));
        assertThat(submit.subList(0, 2)).containsExactly("flink", "run");
        int jar = submit.indexOf("/opt/lpr/lpr-job.jar");
        assertThat(Files.readString(DEPLOY.resolve("docker/Dockerfile"))).contains(submit.get(jar) + "\n");
        ArrayNode jobArgs = JSON.valueToTree(submit.subList(jar + 1, submit.size()));
        parsesAsTheJob(JobSubmission.ENTRY_CLASS, jobArgs);
        assertThat(hostPath(services.path("submit"), compose, flag(jobArgs, "--config"))).isEqualTo(DEPLOY.resolve("compose/config/lpr.yaml"));
        List<String> web = command(services.path("web"));
        assertThat(web.get(0)).isEqualTo("serve");
        ArrayNode webArgs = JSON.valueToTree(web.subList(1, web.size()));
        parses("serve", webArgs);
        assertThat(hostPath(services.path("web"), compose, flag(webArgs, "--config"))).isEqualTo(DEPLOY.resolve("compose/config/lpr.yaml"));
        assertThat(services.path("web").path("environment").path(io.lpr.web.WebServer.TOKEN_ENV).asText()).startsWith("${");
        assertThat(services.path("web").path("ports").get(0).asText()).endsWith(":" + flag(webArgs, "--port"));
    }

    @Test
    void composePrometheusScrapesTheReporterAndGrafanaHasTheDashboard() throws Exception {
        JsonNode compose = composeFile();
        JsonNode services = compose.path("services");
        String firstPort = CLUSTER.toMap().get("metrics.reporter.prom.port").split("-")[0];
        JsonNode prometheusConfig = YAML.readTree(hostPath(services.path("prometheus"), compose, "/etc/prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        for (JsonNode job : prometheusConfig.path("scrape_configs")) {
            for (JsonNode sd : job.path("dns_sd_configs")) {
                sd.path("names").forEach(n -> targets.add(n.asText() + ":" + sd.path("port").asText()));
            }
            for (JsonNode st : job.path("static_configs")) {
                st.path("targets").forEach(t -> targets.add(t.asText()));
            }
        }
        assertThat(targets).as("every JobManager and TaskManager, on the reporter's port")
                .containsExactlyInAnyOrder("jobmanager:" + firstPort, "taskmanager:" + firstPort);
        for (String target : targets) {
            assertThat(command(services.path(target.split(":")[0]))).as(target).containsAnyOf("jobmanager", "taskmanager");
        }

        JsonNode grafana = services.path("grafana");
        Path provisioning = hostPath(grafana, compose, "/etc/grafana/provisioning");
        List<JsonNode> datasources = new ArrayList<>();
        for (Path file : yamlFiles(provisioning.resolve("datasources"))) {
            YAML.readTree(file.toFile()).path("datasources").forEach(datasources::add);
        }
        assertThat(datasources).as("a Prometheus data source").anySatisfy(ds -> {
            assertThat(ds.path("type").asText()).isEqualTo("prometheus");
            URI url = URI.create(ds.path("url").asText());
            assertThat(services.has(url.getHost())).as(url.toString()).isTrue();
            assertThat(services.path(url.getHost()).path("ports").get(0).asText()).endsWith(":" + url.getPort());
        });
        List<Path> dashboards = new ArrayList<>();
        for (Path file : yamlFiles(provisioning.resolve("dashboards"))) {
            for (JsonNode provider : YAML.readTree(file.toFile()).path("providers")) {
                String folder = provider.path("options").path("path").asText();
                for (JsonNode volume : grafana.path("volumes")) {
                    String[] parts = volume.asText().split(":");
                    if (Path.of(parts[1]).getParent().toString().equals(folder) && parts[1].endsWith(".json")) {
                        dashboards.add(COMPOSE.getParent().resolve(parts[0]).normalize());
                    }
                }
            }
        }
        assertThat(dashboards).containsExactly(DEPLOY.resolve("grafana/lpr-dashboard.json"));
        assertThat(JSON.readTree(dashboards.get(0).toFile()).path("panels")).isNotEmpty();
    }

    // ---- helpers ----

    /**
     * The compose file as Compose reads it: with its YAML anchors and merge keys ({@code <<: *flink}) resolved,
     * which SnakeYAML does and Jackson's YAML parser does not.
     */
    private static JsonNode composeFile() throws Exception {
        try (var in = Files.newInputStream(COMPOSE)) {
            return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().<Object>load(in));
        }
    }

    private static KubernetesFiles kubernetes() throws Exception {
        return KubernetesFiles.load(DEPLOY.resolve("kubernetes"), DEPLOY.resolve("README.md"));
    }

    private static JsonNode crdSchema() throws Exception {
        JsonNode crd = YAML.readTree(CRD.toFile());
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("name").asText().equals("v1beta1")) {
                ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                // What the API server adds to every custom resource's schema.
                ObjectNode properties = (ObjectNode) schema.path("properties");
                properties.putObject("apiVersion").put("type", "string");
                properties.putObject("kind").put("type", "string");
                properties.putObject("metadata").put("type", "object");
                return strict(schema);
            }
        }
        throw new AssertionError("no v1beta1 in " + CRD);
    }

    private static Schema flinkDeploymentSchema() throws Exception {
        return SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30())
                .getSchema(SchemaLocation.of("urn:flinkdeployment"), crdSchema());
    }

    private static Schema podTemplateSchema() throws Exception {
        JsonNode pod = crdSchema().path("properties").path("spec").path("properties").path("podTemplate");
        return SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(SchemaLocation.of("urn:pod"), pod);
    }

    /**
     * The schema as the API server applies it with kubectl's strict field validation: an object schema that
     * lists its properties (and does not keep unknown fields) refuses any other.
     */
    private static JsonNode strict(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode object = (ObjectNode) schema;
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.forEach(DeployFilesIT::strict);
        } else if (schema.isArray()) {
            schema.forEach(DeployFilesIT::strict);
        }
        return schema;
    }

    private static JsonNode configMap(KubernetesFiles k8s, String name) {
        return k8s.find("ConfigMap", name).orElseThrow(() -> new AssertionError("no ConfigMap " + name)).node();
    }

    /** The content of the ConfigMap file a container sees at {@code path}. */
    private static String mountedConfigMapFile(KubernetesFiles k8s, Pod pod, JsonNode container, String path) {
        assertThat(path).as("%s: a file path", pod).isNotBlank();
        JsonNode mount = mountOf(container, path);
        JsonNode volume = pod.volume(mount.path("name").asText());
        assertThat(volume.has("configMap")).as("%s: %s is on a ConfigMap volume", pod, path).isTrue();
        String key = Path.of(mount.path("mountPath").asText()).relativize(Path.of(path)).toString();
        for (JsonNode item : volume.path("configMap").path("items")) {
            if (item.path("path").asText().equals(key)) {
                key = item.path("key").asText();
            }
        }
        JsonNode data = configMap(k8s, volume.path("configMap").path("name").asText()).path("data");
        assertThat(data.has(key)).as("%s: %s is the key %s of the ConfigMap", pod, path, key).isTrue();
        return data.path(key).asText();
    }

    private static JsonNode mountOf(JsonNode container, String path) {
        JsonNode best = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (Path.of(path).startsWith(mount.path("mountPath").asText())
                    && (best == null || mount.path("mountPath").asText().length() > best.path("mountPath").asText().length())) {
                best = mount;
            }
        }
        assertThat(best).as("%s is on a volume the container mounts", path).isNotNull();
        return best;
    }

    private static Pod selected(KubernetesFiles k8s, JsonNode selector) {
        List<Pod> pods = k8s.pods().stream()
                .filter(p -> !selector.isEmpty() && p.labels().properties().containsAll(selector.properties())).toList();
        assertThat(pods).as("the pods of selector %s", selector).hasSize(1);
        return pods.get(0);
    }

    /** The container port a Service's targetPort (a name or a number) means; 0 if none. */
    private static int containerPort(Pod pod, JsonNode target) {
        for (JsonNode container : pod.spec().path("containers")) {
            for (JsonNode port : container.path("ports")) {
                if (target.isInt() ? port.path("containerPort").asInt() == target.asInt() : port.path("name").asText().equals(target.asText())) {
                    return port.path("containerPort").asInt();
                }
            }
        }
        return 0;
    }

    private static JsonNode portOf(K8sObject service, int port) {
        for (JsonNode p : service.node().path("spec").path("ports")) {
            if (p.path("port").asInt() == port) {
                return p;
            }
        }
        throw new AssertionError(service + " has no port " + port);
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env;
            }
        }
        throw new AssertionError("no " + name + " in the environment of " + container.path("name").asText());
    }

    private static String flag(JsonNode args, String name) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).asText().equals(name)) {
                return args.get(i + 1).asText();
            }
        }
        throw new AssertionError("no " + name + " in " + args);
    }

    private static List<String> setFlags(JsonNode args) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).asText().equals("--set")) {
                keys.add(args.get(i + 1).asText().split("=", 2)[0]);
            }
        }
        return keys;
    }

    /** Every flag exists: the command line parses as the CLI's. */
    private static void parses(String command, JsonNode args) {
        List<String> all = new ArrayList<>(List.of(command));
        args.forEach(a -> all.add(a.asText()));
        LprCli.commandLine().parseArgs(all.toArray(String[]::new));
    }

    /**
     * Every flag exists: the arguments parse as the job's entry class reads them (its {@code parse}, which
     * {@code main} calls first; package-private, so reached by reflection).
     */
    private static void parsesAsTheJob(String entryClass, JsonNode args) throws Exception {
        List<String> all = new ArrayList<>();
        args.forEach(a -> all.add(a.asText()));
        java.lang.reflect.Method parse = Class.forName(entryClass).getDeclaredMethod("parse", String[].class);
        parse.setAccessible(true);
        try {
            parse.invoke(null, (Object) all.toArray(String[]::new));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError(entryClass + " refuses " + all + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static List<String> command(JsonNode service) {
        return command(service, "command");
    }

    private static List<String> command(JsonNode service, String field) {
        JsonNode command = service.path(field);
        List<String> words = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(w -> words.add(w.asText()));
        } else if (!command.isMissingNode()) {
            words.addAll(List.of(command.asText().trim().split("\\s+")));
        }
        return words;
    }

    private static JsonNode dependsOn(JsonNode service) {
        JsonNode deps = service.path("depends_on");
        if (deps.isArray()) {
            ObjectNode asMap = JSON.createObjectNode();
            deps.forEach(d -> asMap.putObject(d.asText()));
            return asMap;
        }
        return deps.isMissingNode() ? JSON.createObjectNode() : deps;
    }

    /** The named volume a compose service mounts {@code path} from. */
    private static String composeVolumeFor(JsonNode service, String path) {
        String best = null;
        int length = -1;
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (Path.of(path).startsWith(parts[1]) && parts[1].length() > length) {
                best = parts[0];
                length = parts[1].length();
            }
        }
        assertThat(best).as("%s is on a volume", path).isNotNull();
        return best;
    }

    /** The file on this machine that a compose service sees at {@code path} (a bind mount). */
    private static Path hostPath(JsonNode service, JsonNode compose, String path) {
        String best = null;
        String target = null;
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (Path.of(path).startsWith(parts[1]) && (target == null || parts[1].length() > target.length())) {
                best = parts[0];
                target = parts[1];
            }
        }
        assertThat(best).as("%s is mounted", path).isNotNull();
        assertThat(best).as("%s comes from this repository", path).startsWith(".");
        return COMPOSE.getParent().resolve(best).resolve(Path.of(target).relativize(Path.of(path)).toString()).normalize();
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> into = new LinkedHashMap<>();
        flatten("", node, into);
        return into;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            into.put(prefix, node.isArray() ? node.toString() : node.asText());
        }
    }

    private static List<Path> yamlFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
