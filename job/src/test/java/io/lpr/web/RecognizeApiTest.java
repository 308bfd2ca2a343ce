package io.lpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.db.Database;
import io.lpr.event.Box;
import io.lpr.job.JobConfiguration;
import io.lpr.settings.LprSettings;
import io.lpr.settings.ServeConfig;
import io.lpr.stills.RecognitionService;
import io.lpr.testing.ClaimingPng;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/recognize} over real HTTP with the real models, on the labelled photo car.jpg (B840CK197). */
class RecognizeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Path CAR = Path.of(System.getProperty("lpr.test.images"), "car.jpg");
    private static final String TOKEN = "recognize-token-16";
    /** Small, so that a body over it is cheap to send; car.jpg as a PNG is under it. */
    private static final long MAX_BYTES = 2_000_000;

    @TempDir
    static Path dir;

    private static WebServer server;
    private static WebServer guarded;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(database(), "127.0.0.1", 0, null, api(settings(), 8));
        guarded = WebServer.start(database(), "127.0.0.1", 0, TOKEN, RecognizeApi.off());
    }

    @AfterAll
    static void stop() {
        for (WebServer s : new WebServer[] {server, guarded}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void readsThePlatesOfAJpegAndAPngAsLprRecognizePrintsThem() throws Exception {
        byte[] jpeg = Files.readAllBytes(CAR);
        JsonNode plate = labelled(json(post(server, jpeg, "image/jpeg"), 200));
        assertThat(fieldNames(plate)).containsExactly("box", "score", "text", "confidence", "greedyText", "textScore");
        assertThat(plate.get("score").asDouble()).isBetween(0.5, 1.0);

        labelled(json(post(server, png(CAR), "image/png; charset=binary"), 200));
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        byte[] big = Arrays.copyOf(Files.readAllBytes(CAR), (int) MAX_BYTES + 1);
        assertThat(error(post(server, big, "image/jpeg"), 413))
                .isEqualTo("the body has " + big.length + " bytes; the most is 2000000 bytes (lpr.serve.recognize.max-bytes)");
        HttpRequest chunked = request(server, "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertThat(error(CLIENT.send(chunked, HttpResponse.BodyHandlers.ofString()), 413))
                .startsWith("the body has more than 2000000 bytes");
        assertThat(error(post(server, ClaimingPng.of(100_000, 100_000), "image/png"), 413))
                .isEqualTo("the image declares 100000x100000 pixels, more than the 100 million that are decoded");
    }

    @Test
    void whatIsNotAnImageIs415Or400() throws Exception {
        byte[] jpeg = Files.readAllBytes(CAR);
        assertThat(error(post(server, "plate=B840CK197".getBytes(), "image/jpeg"), 415))
                .isEqualTo("the body is not a JPEG or PNG image (its first bytes say so)");
        // curl --data-binary's default type: also what a page elsewhere could post here without asking (CORS).
        assertThat(error(post(server, jpeg, "application/x-www-form-urlencoded"), 415))
                .startsWith("Content-Type 'application/x-www-form-urlencoded': send the image itself as the body");
        assertThat(error(post(server, jpeg, null), 415)).startsWith("Content-Type missing");
        assertThat(error(post(server, Arrays.copyOf(jpeg, 2000), "image/jpeg"), 400))
                .isEqualTo("the body does not decode as an image");
        assertThat(error(post(server, new byte[0], "image/png"), 400))
                .isEqualTo("the body is empty: send a JPEG or PNG image as the body");
        HttpResponse<String> get = CLIENT.send(request(server, null).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error(get, 405)).isEqualTo("method GET is not allowed on /api/recognize; it takes POST with an image as the body");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void differentCallersShareTheRecognisersBatches() throws Exception {
        byte[] jpeg = Files.readAllBytes(CAR);
        int plates = json(post(server, jpeg, "image/jpeg"), 200).get("plates").size();
        // A batch runs only once it holds the plates of both images (or after a day): two callers' images are read
        // only if their plates meet in one batch.
        LprSettings together = settings("lpr.recognizer.max-delay=1 d", "lpr.recognizer.max-batch=" + 2 * plates);
        try (WebServer shared = WebServer.start(database(), "127.0.0.1", 0, null, api(together, 2))) {
            List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(CLIENT.sendAsync(request(shared, "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : both) {
                JsonNode read = json(answer.get(), 200);
                assertThat(read.get("plates")).hasSize(plates);
                labelled(read);
            }
        }
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        // One image at a time; its plates wait a day for a batch to fill, and their caller 1 ms: the first image is
        // refused as late, and keeps its place while the recogniser still holds it, so the next finds the queue full.
        LprSettings waiting = settings("lpr.recognizer.max-delay=1 d", "lpr.recognizer.timeout=1 ms");
        byte[] jpeg = Files.readAllBytes(CAR);
        try (WebServer tiny = WebServer.start(database(), "127.0.0.1", 0, null, api(waiting, 1))) {
            HttpResponse<String> late = post(tiny, jpeg, "image/jpeg");
            assertThat(error(late, 503)).isEqualTo("the recogniser did not answer within 1 ms; try again shortly");
            assertThat(late.headers().firstValue("Retry-After")).hasValue("1");

            HttpResponse<String> full = post(tiny, jpeg, "image/jpeg");
            assertThat(error(full, 503)).isEqualTo("the queue is full: lpr.serve.recognize.capacity is 1 image; try again shortly");
            assertThat(full.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    @Test
    void theTokenGuardsItAndWithoutRecognizeItSaysHowToTurnItOn() throws Exception {
        byte[] jpeg = Files.readAllBytes(CAR);
        // A body that is still being sent when the refusal is ready: the caller gets the 401, not a reset connection.
        byte[] large = Arrays.copyOf(jpeg, (int) MAX_BYTES);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = post(guarded, large, "image/jpeg");
            assertThat(error(refused, 401)).startsWith("this server needs its access token");
        }
        HttpResponse<String> off = CLIENT.send(request(guarded, "image/jpeg").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error(off, 404)).isEqualTo("recognition is not served here: start lpr serve with --recognize "
                + "(the models from --models DIR or $LPR_MODELS_DIR)");
    }

    private static LprSettings settings(String... overrides) {
        List<String> pairs = new ArrayList<>(List.of("lpr.models.dir=" + System.getProperty("lpr.test.models")));
        pairs.addAll(List.of(overrides));
        return LprSettings.from(new JobConfiguration().overrides(pairs).build());
    }

    private static RecognizeApi api(LprSettings settings, int capacity) {
        return RecognizeApi.of(RecognitionService.start(settings, ServeConfig.DEFAULTS.withCapacity(capacity).capacity()),
                MAX_BYTES);
    }

    /** No events here: recognition needs none, and the server opens the database only when asked. */
    private static Database database() {
        return Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null).readOnly();
    }

    private static HttpRequest.Builder request(WebServer to, String type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/api/recognize"))
                .timeout(Duration.ofSeconds(120));
        return type == null ? request : request.header("Content-Type", type);
    }

    private static HttpResponse<String> post(WebServer to, byte[] body, String type) throws Exception {
        return CLIENT.send(request(to, type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    /** The documented error body's message, after checking its status is also the answer's. */
    private static String error(HttpResponse<String> response, int status) throws Exception {
        JsonNode body = json(response, status);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body.get("error").asText();
    }

    /**
     * The plate over car.jpg's labelled box, in the photo's own 780x439 pixels (not the 1920x1080 frame it was
     * analysed in), read as {@code lpr recognize} reads it (its O for C included, as LprCliTest allows).
     */
    private static JsonNode labelled(JsonNode answer) {
        Box reference = WebFixture.CAR.box().scaled(780 / 1920f, 439 / 1080f);
        for (JsonNode plate : answer.get("plates")) {
            JsonNode b = plate.get("box");
            Box box = new Box(b.get(0).floatValue(), b.get(1).floatValue(), b.get(2).floatValue(), b.get(3).floatValue());
            if (box.iou(reference) >= 0.5) {
                assertThat(plate.get("text").asText()).isIn("B840CK197", "B840OK197");
                return plate;
            }
        }
        throw new AssertionError("no plate over the labelled box in " + answer);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] png(Path jpeg) throws Exception {
        BufferedImage image = ImageIO.read(jpeg.toFile());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
