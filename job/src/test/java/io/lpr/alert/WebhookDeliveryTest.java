package io.lpr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lpr.db.Database;
import io.lpr.event.Alert;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook fed from the alerts table, against a real HTTP receiver (the JDK's server) that refuses its first
 * requests: every alert arrives, in order, signed, and the receiver keeps each once by its idempotency key.
 */
class WebhookDeliveryTest {
    private static final byte[] KEY = "s3cret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> kept = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void receiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst(Webhook.IDEMPOTENCY_KEY);
            requests.add(key);
            if (!("sha256=" + Webhook.sign(KEY, body)).equals(exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE))) {
                badSignatures.add(key);
            }
            int status = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            if (status == 200) {
                kept.add(key); // a repeat of a key already kept is dropped, as the header means it to be
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aReceiverThatFailsFirstGetsEveryAlertOnceInOrderAcrossARestart() throws Exception {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        AlertsTable table = new AlertsTable(db).ensureSchema();
        List<Alert> alerts = List.of(alert("a1", 1_000), alert("a2", 2_000), alert("a3", 3_000));
        table.insert(alerts);
        table.insert(List.of(alert("a1", 1_000))); // a replay after a restore: still one row
        Webhook webhook = new Webhook("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", KEY);
        refuseNext.set(2);

        WebhookDelivery delivery = new WebhookDelivery(table, webhook, Duration.ofSeconds(1));
        assertThat(delivery.deliverPending()).as("the receiver is down").isEqualTo(-1);
        assertThat(delivery.deliverPending()).isEqualTo(-1);
        assertThat(table.undelivered(10)).as("nothing lost while it is down").hasSize(3);

        // A new delivery over the same table, as after a restart, goes on from the table.
        WebhookDelivery restarted = new WebhookDelivery(table, webhook, Duration.ofSeconds(1));
        assertThat(restarted.deliverPending()).isEqualTo(3);
        assertThat(restarted.deliverPending()).isZero();
        assertThat(kept).containsExactly(ids(alerts));
        assertThat(requests).containsExactly(ids(alerts)[0], ids(alerts)[0], ids(alerts)[0], ids(alerts)[1], ids(alerts)[2]);

        // A crash after the receiver accepted but before the table said so: sent again, dropped by its key.
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE alerts SET delivered_at = NULL WHERE alert_id = '" + ids(alerts)[2] + "'");
        }
        assertThat(restarted.deliverPending()).isEqualTo(1);
        assertThat(requests).hasSize(6);
        assertThat(kept).containsExactly(ids(alerts));
        assertThat(badSignatures).isEmpty();
    }

    @Test
    void backoffDoublesUpToItsMaximumAndStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(List.of(backoff.next(), backoff.next(), backoff.next(), backoff.next())).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    private static String[] ids(List<Alert> alerts) {
        return alerts.stream().map(a -> a.alertId).toArray(String[]::new);
    }

    static Alert alert(String eventId, long seenAt) {
        Alert a = new Alert();
        a.eventId = eventId;
        a.entry = "O567AM76";
        a.alertId = Alert.idOf(eventId, a.entry);
        a.level = "alert";
        a.note = "stolen";
        a.cameraId = "gate";
        a.plateText = "O567AM76";
        a.confidence = 0.93f;
        a.seenAt = 1_765_000_000_000L + seenAt;
        return a;
    }
}
