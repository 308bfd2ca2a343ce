package io.lpr.cli;

import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventStore;
import io.lpr.sink.PlateEventStatement;
import io.lpr.testing.ServingLine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lpr serve} as a user starts it: a real process, stopped with SIGTERM; and the mistakes it refuses. */
class ServeCommandTest {
    private static final String TOKEN = ServeCommand.TOKEN_ENV;

    @TempDir
    Path dir;

    @Test
    void servesTheEventsUntilStopped() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        PlateEvent event = new PlateEvent();
        event.eventId = "e1";
        event.cameraId = "gate";
        event.plateText = "B840CK197";
        event.firstSeen = 1_714_564_800_000L;
        event.lastSeen = event.firstSeen + 1000;
        EventStore.ensureSchema(Database.of(db, null, null));
        PlateEventStatement.upsert(Database.of(db, null, null), List.of(event));

        Process serve = serve(db, null).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String url = ServingLine.url(out);
            HttpResponse<String> events = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "api/events")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("\"plate\":\"B840CK197\"");

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }

    /** {@code lpr serve} in its own JVM, as a user starts it, with {@code token} in its environment (or none). */
    private static ProcessBuilder serve(String db, String token, String... more) {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dlog4j2.configurationFile=" + Paths.get("../flink-conf/log4j-cli.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "io.lpr.cli.LprCli", "serve", "--db", db, "--port", "0"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(TOKEN);
        if (token != null) {
            builder.environment().put(TOKEN, token);
        }
        return builder;
    }

    @Test
    void withRecognizeItReadsThePlatesOfAPostedImage() throws Exception {
        Process serve = serve("jdbc:sqlite:" + dir.resolve("plates.db"), null, "--recognize", "--models",
                LprCliTest.MODELS).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String url = ServingLine.url(out);
            HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/recognize"))
                    .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofFile(LprCliTest.CAR)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).startsWith("{\"plates\":[").containsAnyOf("\"B840CK197\"", "\"B840OK197\"");
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void modelsWithoutRecognizeAreRefused() {
        LprCliTest.Result r = lpr("serve", "--db", "jdbc:sqlite:" + dir.resolve("plates.db"), "--models", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("lpr: --models is used only with --recognize, which serves POST /api/recognize"
                + System.lineSeparator());
    }

    @Test
    void aShortTokenIsRefusedAtStartWithoutQuotingIt() throws Exception {
        Process serve = serve("jdbc:sqlite:" + dir.resolve("plates.db"), "fifteen-chars-x").start();
        try {
            String out = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isEqualTo(1);
            assertThat(out).isEqualTo("lpr: LPR_SERVE_TOKEN is 15 characters long; it must have at least 16 "
                    + "(e.g. the output of: openssl rand -hex 16)" + System.lineSeparator());
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void bindingBeyondThisMachineNeedsAToken() {
        LprCliTest.Result r = lpr("serve", "--db", "jdbc:sqlite:" + dir.resolve("plates.db"), "--bind", "0.0.0.0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("lpr: --bind 0.0.0.0 reaches beyond this machine: set LPR_SERVE_TOKEN to the "
                + "access token clients must send (bearer token or basic-auth password)" + System.lineSeparator());
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            EventStore.ensureSchema(Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null));
            LprCliTest.Result r = lpr("serve", "--db", "jdbc:sqlite:" + dir.resolve("plates.db"),
                    "--port", Integer.toString(taken.getLocalPort()));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("lpr: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the address is in use (another lpr serve?); give another --port" + System.lineSeparator());
        }
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        LprCliTest.Result r = lpr("serve", "--port", "70000");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("lpr: --port 70000 is not a TCP port");
    }

    @Test
    void benchApiPrintsP50AndP99PerQueryAndLeavesNoTempFiles() throws Exception {
        long before = apiBenchTempDirs();
        LprCliTest.Result r = lpr("bench", "api", "--events", "1000", "--requests", "10");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("lpr serve on SQLite, 1,000 events, 10 sequential requests per query");
        assertThat(lines.get(1)).matches("query +p50 ms +p99 ms +bytes");
        assertThat(lines.subList(2, lines.size())).extracting(line -> line.substring(0, 24).strip()).containsExactly(
                "newest page (50)", "partial plate", "plate prefix + camera", "camera + 1 h range",
                "page at offset 10000", "one event", "one crop (JPEG)");
        assertThat(lines.subList(2, lines.size())).allSatisfy(line -> assertThat(line).matches(".{24} +\\d+\\.\\d +\\d+\\.\\d +\\d+"));
        assertThat(apiBenchTempDirs()).isEqualTo(before);
    }

    @Test
    void benchApiWithAnImageTimesRecognizeBesideTheBareModels() {
        // The photo at its own size: a few tiles, not the 1920x1080 frame's, keep the test quick.
        LprCliTest.Result r = lpr("bench", "--set", "lpr.camera.frame-width=0", "--set", "lpr.camera.frame-height=0",
                "api", "--events", "1000", "--requests", "10", "--image", LprCliTest.CAR.toString(),
                "--models", LprCliTest.MODELS, "--recognize-requests", "1");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("") + 1;
        assertThat(lines.get(at)).isEqualTo("POST /api/recognize, car.jpg (780x439, 103,655 bytes), 1 requests per level");
        assertThat(lines.get(at + 1)).matches("bare models \\(one thread, no HTTP\\): p50 \\d+ ms per image, \\d+\\.\\d\\d images/s");
        assertThat(lines.get(at + 2)).matches("callers +images/s +p50 ms +p99 ms +errors");
        assertThat(lines.subList(at + 3, lines.size())).extracting(line -> line.split(" +")[0]).containsExactly("1", "8", "32");
        assertThat(lines.subList(at + 3, lines.size())).allSatisfy(line -> assertThat(line).matches("\\d+ +\\d+\\.\\d\\d +\\d+ +\\d+ +0"));
    }

    private static long apiBenchTempDirs() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("lpr-api-bench")).count();
        }
    }

    @Test
    void theDemoEndsWithWhereToSeeItsEvents() {
        assertThat(ServeCommand.howToSee(Database.DEFAULT_URL))
                .isEqualTo("See them with their crops: ./lpr serve   then open http://127.0.0.1:8080/");
        assertThat(ServeCommand.howToSee("jdbc:postgresql://db/lpr?password=secret"))
                .isEqualTo("See them with their crops: ./lpr serve --db 'jdbc:postgresql://db/lpr?password=***'"
                        + "   then open http://127.0.0.1:8080/");
    }
}
