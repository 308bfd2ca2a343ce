package io.lpr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A webhook receiver on the loopback address, as a user's would be: it accepts every alert {@code lpr run} posts
 * and notes, once per idempotency key, the camera, the event time of the read that raised it ({@code seen_at_ms})
 * and the wall time the request arrived.
 */
final class AlertReceiver implements AutoCloseable {
    /** One alert as it arrived. */
    record Received(String cameraId, long seenAtMs, long receivedAtMs) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Set<String> keys = new HashSet<>();
    private final List<Received> received = new ArrayList<>();

    AlertReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/alerts", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** What arrived since the last call, each alert once. */
    synchronized List<Received> drain() {
        List<Received> all = List.copyOf(received);
        received.clear();
        return all;
    }

    private void receive(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            JsonNode alert = JSON.readTree(body);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            synchronized (this) {
                if (keys.add(key == null ? alert.path("alert_id").asText() : key)) {
                    received.add(new Received(alert.path("camera_id").asText(), alert.path("seen_at_ms").asLong(), now));
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
