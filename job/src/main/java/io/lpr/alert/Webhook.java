package io.lpr.alert;

import io.lpr.event.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One POST of an alert's JSON ({@link AlertJson}) to the receiver. {@value #IDEMPOTENCY_KEY} is the alert id:
 * a receiver that sees one twice (the answer to an accepted POST was lost, a restart resent it) drops the
 * repeat. With a key, {@value #SIGNATURE} is {@code sha256=} and the hex HMAC-SHA256 of the body, so the
 * receiver knows the POST is ours. Only a 2xx answer counts as accepted.
 */
public final class Webhook {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String SIGNATURE = "X-Lpr-Signature";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI url;
    private final byte[] key;

    /** @param key the HMAC key, or null to send unsigned */
    public Webhook(String url, byte[] key) {
        this.url = URI.create(url);
        this.key = key == null ? null : key.clone();
    }

    /** As {@code config} says: its URL, its key read from the environment variable it names (unset: unsigned). */
    public static Webhook of(AlertConfig config) {
        String secret = config.webhookSecretEnv() == null ? null : System.getenv(config.webhookSecretEnv());
        return new Webhook(config.webhookUrl(), secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the receiver accepted it; a refusal or a network failure is false, with the reason in {@code why}. */
    public boolean post(Alert alert, StringBuilder why) {
        byte[] body = AlertJson.bytes(alert);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, alert.alertId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header(SIGNATURE, "sha256=" + sign(key, body));
        }
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            why.append("HTTP ").append(status);
        } catch (IOException e) {
            why.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why.append("interrupted");
        }
        return false;
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code key}: what a receiver recomputes to check the header. */
    public static String sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
