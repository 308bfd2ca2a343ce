package io.lpr.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lpr.event.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An {@link Alert} as JSON, schema {@value #SCHEMA} (docs/alert-1.schema.json): the one shape of an alert on
 * Kafka, in the webhook's body, in the web API and in {@code lpr alerts --format json}. Adding fields keeps the
 * version; renaming, removing or changing a field's meaning bumps it.
 */
public final class AlertJson {
    public static final String SCHEMA = "lpr.alert/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {}

    public static ObjectNode toJson(Alert a) {
        return JSON.createObjectNode().put("schema", SCHEMA)
                .put("alert_id", a.alertId)
                .put("event_id", a.eventId)
                .put("entry", a.entry)
                .put("level", a.level)
                .put("note", a.note)
                .put("camera_id", a.cameraId)
                .put("plate", a.plateText)
                .put("confidence", a.confidence)
                .put("seen_at", Instant.ofEpochMilli(a.seenAt).toString())
                .put("seen_at_ms", a.seenAt);
    }

    public static byte[] bytes(Alert a) {
        return string(a).getBytes(StandardCharsets.UTF_8);
    }

    public static String string(Alert a) {
        try {
            return JSON.writeValueAsString(toJson(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
