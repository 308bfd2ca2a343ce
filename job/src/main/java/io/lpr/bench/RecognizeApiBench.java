package io.lpr.bench;

import io.lpr.db.Database;
import io.lpr.image.Images;
import io.lpr.settings.LprSettings;
import io.lpr.settings.ServeConfig;
import io.lpr.stills.RecognitionService;
import io.lpr.stills.StillImageReader;
import io.lpr.web.RecognizeApi;
import io.lpr.web.WebServer;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How fast {@code POST /api/recognize} answers: the bare models first (the still-image reader, one image at a time,
 * no HTTP, no queue), then the endpoint over real HTTP with 1, 8 and 32 callers sending the same image at once,
 * each level's requests shared among its callers: throughput and each request's latency (p50, p99).
 */
public final class RecognizeApiBench {
    static final int[] CALLERS = {1, 8, 32};
    private static final int WARM_UP = 3;

    private final LprSettings settings;
    private final ServeConfig serve;
    private final Path image;
    private final int requests;

    /** {@code requests} timed per level of callers (shared among them: fewer than 32 leaves some callers idle). */
    public RecognizeApiBench(LprSettings settings, ServeConfig serve, Path image, int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("--recognize-requests must be at least 1, got " + requests);
        }
        this.settings = settings;
        // Room for every caller: the bench measures the queue, not its refusals.
        this.serve = serve.withCapacity(Math.max(serve.capacity(), CALLERS[CALLERS.length - 1]));
        this.image = image;
        this.requests = requests;
    }

    public void run(PrintWriter out) throws Exception {
        byte[] body = Files.readAllBytes(image);
        String type = body.length > 1 && body[0] == (byte) 0x89 ? "image/png" : "image/jpeg";
        String size;
        long bare;
        try (StillImageReader reader = StillImageReader.open(settings); Mat decoded = Images.read(image)) {
            size = decoded.cols() + "x" + decoded.rows();
            bare = bareMillis(reader, decoded);
        }
        out.printf(Locale.ROOT, "POST /api/recognize, %s (%s, %,d bytes), %d requests per level%n", image.getFileName(),
                size, body.length, requests);
        out.printf(Locale.ROOT, "bare models (one thread, no HTTP): p50 %d ms per image, %.2f images/s%n", bare,
                1000.0 / Math.max(1, bare));
        out.printf(Locale.ROOT, "%-8s %9s %9s %9s %7s%n", "callers", "images/s", "p50 ms", "p99 ms", "errors");
        out.flush();
        Path dir = Files.createTempDirectory("lpr-recognize-bench");
        Database none = Database.of("jdbc:sqlite:" + dir.resolve("none.db"), null, null).readOnly();
        RecognizeApi api = RecognizeApi.of(RecognitionService.start(settings, serve.capacity()), serve.maxBytes());
        try (WebServer server = WebServer.start(none, "127.0.0.1", 0, null, api)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/recognize"))
                    .timeout(Duration.ofMinutes(10)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            for (int i = 0; i < warmUp(); i++) {
                send(client, request);
            }
            for (int callers : CALLERS) {
                out.println(level(client, request, callers));
                out.flush();
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /** JIT, the models' first calls, the connection: a few calls, fewer where few are timed. */
    private int warmUp() {
        return Math.min(WARM_UP, requests);
    }

    private long bareMillis(StillImageReader reader, Mat decoded) {
        for (int i = 0; i < warmUp(); i++) {
            reader.read(decoded, "image");
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < Math.min(requests, 20); i++) {
            long start = System.nanoTime();
            reader.read(decoded, "image");
            ms.add((System.nanoTime() - start) / 1_000_000);
        }
        return new Percentiles(ms).at(50);
    }

    private String level(HttpClient client, HttpRequest request, int callers) throws Exception {
        List<Long> ms = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(requests);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                running.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long sent = System.nanoTime();
                        if (send(client, request) != 200) {
                            errors.incrementAndGet();
                        }
                        ms.add((System.nanoTime() - sent) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Percentiles p = new Percentiles(ms);
        return String.format(Locale.ROOT, "%-8d %9.2f %9d %9d %7d", callers, requests / seconds, p.at(50), p.at(99),
                errors.get());
    }

    private static int send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
