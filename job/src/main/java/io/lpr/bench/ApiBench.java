package io.lpr.bench;

import io.lpr.sink.PlateEventStatement;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import io.lpr.db.Database;
import io.lpr.events.EventStore;
import io.lpr.track.EventIds;
import io.lpr.web.WebServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * How fast {@code lpr serve} answers with many events: fills a throw-away SQLite file with synthetic
 * events (crops included), serves it, and times the API's queries over real HTTP, one client at a time.
 */
public final class ApiBench {
    private static final String LETTERS = "ABEKMHOPCTYX";
    private static final long T0 = 1_714_564_800_000L; // 2024-05-01T12:00:00Z

    private final int events;
    private final int requests;

    /** {@code events} in the database, {@code requests} timed per query. */
    public ApiBench(int events, int requests) {
        if (events < 1000 || requests < 10) {
            throw new IllegalArgumentException("--events must be at least 1000 and --requests at least 10");
        }
        this.events = events;
        this.requests = requests;
    }

    /** Fills the database, serves it and prints each query's times to {@code out}. */
    public void run(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("lpr-api-bench");
        Path file = dir.resolve("plates.db");
        try {
            Database db = Database.of("jdbc:sqlite:" + file, null, null);
            List<PlateEvent> all = fill(db);
            try (WebServer server = WebServer.start(db.readOnly(), "127.0.0.1", 0, null)) {
                String base = "http://127.0.0.1:" + server.port();
                PlateEvent some = all.get(all.size() / 2);
                String plate = some.plateText;
                Map<String, String> queries = new LinkedHashMap<>();
                queries.put("newest page (50)", "/api/events");
                queries.put("partial plate", "/api/events?plate=%25" + plate.substring(1, 4) + "%25");
                queries.put("plate prefix + camera", "/api/events?plate=" + plate.substring(0, 4) + "%25&camera=" + some.cameraId);
                queries.put("camera + 1 h range", "/api/events?camera=" + some.cameraId + "&since="
                        + java.time.Instant.ofEpochMilli(some.firstSeen) + "&until="
                        + java.time.Instant.ofEpochMilli(some.firstSeen + 3_600_000));
                queries.put("page at offset 10000", "/api/events?offset=10000");
                PlateEvent back = all.get(all.size() - 10_001);
                queries.put("page before a key 10000 back", "/api/events?before=" + back.firstSeen + "." + back.eventId);
                queries.put("near miss ~plate", "/api/events?plate=%7E" + plate);
                queries.put("CSV, camera + 1 h range", "/api/events.csv?camera=" + some.cameraId + "&since="
                        + java.time.Instant.ofEpochMilli(some.firstSeen) + "&until="
                        + java.time.Instant.ofEpochMilli(some.firstSeen + 3_600_000));
                queries.put("one event", "/api/events/" + some.eventId);
                queries.put("one crop (JPEG)", "/api/events/" + some.eventId + "/crop");
                out.printf(Locale.ROOT, "lpr serve on SQLite, %,d events, %d sequential requests per query%n", events, requests);
                out.printf(Locale.ROOT, "%-30s %9s %9s %9s%n", "query", "p50 ms", "p99 ms", "bytes");
                HttpClient client = HttpClient.newHttpClient();
                for (Map.Entry<String, String> q : queries.entrySet()) {
                    out.println(time(client, base, q.getKey(), q.getValue()));
                    out.flush();
                }
            }
        } finally {
            for (String name : List.of("plates.db", "plates.db-journal", "plates.db-wal", "plates.db-shm")) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    private String time(HttpClient client, String base, String name, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
        long bytes = 0;
        for (int i = 0; i < 20; i++) { // warm-up: JIT, connection, SQLite page cache
            bytes = check(client.send(request, HttpResponse.BodyHandlers.ofByteArray()), path).length;
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            check(client.send(request, HttpResponse.BodyHandlers.ofByteArray()), path);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%-30s %9.1f %9.1f %9d", name, percentile(ms, 0.50), percentile(ms, 0.99), bytes);
    }

    private static byte[] check(HttpResponse<byte[]> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Events as the job writes them: 10 cameras, a passage every few seconds, each with a 94x24 JPEG crop. */
    private List<PlateEvent> fill(Database db) throws Exception {
        EventStore.ensureSchema(db);
        byte[] crop = crop();
        Random random = new Random(42);
        List<PlateEvent> all = new ArrayList<>(events);
        List<PlateEvent> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            PlateEvent e = new PlateEvent();
            e.cameraId = "cam" + (i % 10);
            e.plateText = "" + LETTERS.charAt(random.nextInt(12)) + (100 + random.nextInt(900))
                    + LETTERS.charAt(random.nextInt(12)) + LETTERS.charAt(random.nextInt(12)) + (10 + random.nextInt(190));
            e.firstSeen = T0 + i * 3_000L;
            e.lastSeen = e.firstSeen + 2_000;
            e.eventId = EventIds.of(e.cameraId, e.firstSeen, 0);
            e.frames = 10;
            e.votes = 8;
            e.detectionScore = 0.9f;
            e.textScore = -100f;
            e.box = new Box(100, 100, 194, 124);
            e.cropJpeg = crop;
            all.add(e);
            batch.add(e);
            if (batch.size() == 5000) {
                PlateEventStatement.upsert(db, batch);
                batch.clear();
            }
        }
        PlateEventStatement.upsert(db, batch);
        return all;
    }

    private static byte[] crop() throws Exception {
        BufferedImage image = new BufferedImage(94, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 94; x++) {
                image.setRGB(x, y, ((x * 7 + y * 13) % 256) * 0x010101);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }
}
