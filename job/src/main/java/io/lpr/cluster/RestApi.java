package io.lpr.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The few calls of Flink's REST API that submitting and watching the job takes: upload and run a jar (what
 * {@code flink run -d} does), job state, cancel, stop with a savepoint, task managers and where tasks run.
 */
public final class RestApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param hostPort e.g. {@code 127.0.0.1:8081} */
    public RestApi(String hostPort) {
        if (!hostPort.matches("[^:/\\s]+:\\d+")) {
            throw new IllegalArgumentException("--cluster expects HOST:PORT, e.g. 127.0.0.1:8081, got '" + hostPort + "'");
        }
        this.base = "http://" + hostPort;
    }

    public String address() {
        return base;
    }

    /** Uploads the jar ({@code POST /jars/upload}); returns its id on the cluster. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "lpr-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode reply = send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String file = reply.path("filename").asText();
        return Path.of(file).getFileName().toString();
    }

    /**
     * Runs an uploaded jar's main class with these arguments on the cluster ({@code POST /jars/{id}/run}):
     * the job is submitted detached, as with {@code flink run -d}; returns its job id.
     */
    public String runJar(String jarId, String entryClass, List<String> args, String savepoint)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("entryClass", entryClass);
        args.forEach(request.putArray("programArgsList")::add);
        if (savepoint != null) {
            request.put("savepointPath", savepoint);
        }
        JsonNode reply = send(HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        return reply.path("jobid").asText();
    }

    public String jobState(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public void cancel(String jobId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code POST /jobs/{id}/stop}: a savepoint, then the job finishes; returns the savepoint's path. */
    public String stopWithSavepoint(String jobId, Path directory, boolean drain, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("drain", drain)
                .put("targetDirectory", directory.toUri().toString());
        String trigger = send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "/stop"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))).path("request-id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode op = status.path("operation");
                if (op.has("failure-cause")) {
                    throw new IOException("stop with savepoint failed: " + op.path("failure-cause").path("stack-trace")
                            .asText().lines().findFirst().orElse(""));
                }
                return op.path("location").asText();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException("stop with savepoint of " + jobId + " did not complete in " + timeout);
    }

    /** The ids of the registered task managers. */
    public List<String> taskManagers() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    /** The task managers that run at least one task of the job. */
    public Set<String> taskManagersOf(String jobId) throws IOException, InterruptedException {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            JsonNode tms = get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers");
            for (JsonNode tm : tms.path("taskmanagers")) {
                if (tm.path("status").asText().equals("RUNNING")) {
                    ids.add(tm.path("taskmanager-id").asText());
                }
            }
        }
        return ids;
    }

    public boolean up() {
        try {
            get("/overview");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitUp(Duration timeout, Runnable stillAlive) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!up()) {
            stillAlive.run();
            if (System.nanoTime() > deadline) {
                throw new IOException("the JobManager's REST endpoint " + base + " did not come up in " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    void awaitTaskManagers(int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taskManagers().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IOException(count + " task managers did not register in " + timeout + "; see the logs");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    void awaitTaskManager(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!taskManagers().contains(id)) {
            if (System.nanoTime() > deadline) {
                throw new IOException(id + " did not register in " + timeout + "; see its log");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** {@code DELETE /jars/{id}}: the uploaded jar, once the job it ran has it (the cluster keeps its own copy). */
    public void deleteJar(String jarId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId)).DELETE());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new IOException(unreachable(e), e);
        }
        JsonNode body;
        try {
            body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IOException(base + " answered " + response.statusCode() + " with no Flink REST reply: is it a Flink"
                    + " JobManager's REST port?");
        }
        if (response.statusCode() >= 300) {
            throw new IOException(base + " answered " + response.statusCode() + ": " + errors(body));
        }
        return body;
    }

    private String unreachable(IOException e) {
        String why = e instanceof HttpConnectTimeoutException ? "connection timed out"
                : e.getMessage() == null || e.getMessage().isBlank() ? "connection refused" : e.getMessage();
        return "no Flink cluster answers at " + base.substring("http://".length()) + " (" + why
                + "): start one with `lpr cluster start`, or check --cluster HOST:PORT";
    }

    /**
     * Flink's errors come as a list of stack traces, the cause at the bottom: one line per error, the deepest
     * cause's message without the exception class names that lead it.
     */
    static String errors(JsonNode body) {
        List<String> lines = new ArrayList<>();
        body.path("errors").forEach(e -> lines.add(cause(e.asText())));
        return lines.isEmpty() ? body.toString() : String.join("; ", lines);
    }

    static String cause(String trace) {
        List<String> lines = trace.lines().filter(l -> !l.isBlank() && !l.startsWith("\t")).toList();
        String deepest = lines.stream().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(l -> l.substring("Caused by: ".length())).orElse(lines.isEmpty() ? "" : lines.get(0));
        String message = deepest;
        while (true) { // "a.b.FooException: c.d.BarException: what" -> "what"
            String shorter = message.replaceFirst("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: |$)", "");
            if (shorter.equals(message)) {
                break;
            }
            message = shorter;
        }
        message = message.replaceFirst("^The main method caused an error: ", "");
        return message.isBlank() ? deepest : message;
    }
}
