package io.lpr.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A {@link PlateEvent} as JSON, schema {@value #SCHEMA}: the one shape of an event on Kafka, in the web API
 * ({@code /api/events}) and in {@code lpr query --format json}, documented in docs/kafka-events.md and
 * docs/plate-event-2.schema.json. Every field is one line of {@link #FIELDS}; a new field of the event is one
 * more line there (and in both docs). Adding fields keeps the version; renaming, removing or changing a
 * field's meaning bumps it.
 */
public final class PlateEventJson {
    public static final String SCHEMA = "lpr.plate-event/2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Field(String name, BiConsumer<ObjectNode, PlateEvent> write) {}

    private static final List<Field> FIELDS = List.of(
            new Field("event_id", (o, e) -> o.put("event_id", e.eventId)),
            new Field("revision", (o, e) -> o.put("revision", e.revision)),
            new Field("final", (o, e) -> o.put("final", e.isFinal)),
            new Field("camera_id", (o, e) -> o.put("camera_id", e.cameraId)),
            new Field("plate", (o, e) -> o.put("plate", e.plateText)),
            new Field("first_seen", (o, e) -> o.put("first_seen", Instant.ofEpochMilli(e.firstSeen).toString())),
            new Field("last_seen", (o, e) -> o.put("last_seen", Instant.ofEpochMilli(e.lastSeen).toString())),
            new Field("first_seen_ms", (o, e) -> o.put("first_seen_ms", e.firstSeen)),
            new Field("last_seen_ms", (o, e) -> o.put("last_seen_ms", e.lastSeen)),
            new Field("frames", (o, e) -> o.put("frames", e.frames)),
            new Field("votes", (o, e) -> o.put("votes", e.votes)),
            new Field("detection_score", (o, e) -> o.put("detection_score", e.detectionScore)),
            new Field("text_score", (o, e) -> o.put("text_score", e.textScore)),
            new Field("box", PlateEventJson::box),
            new Field("confidence", (o, e) -> o.put("confidence", e.confidence)),
            new Field("runner_ups", PlateEventJson::runnerUps),
            new Field("offset_ms", (o, e) -> {
                if (e.offsetMs == null) {
                    o.putNull("offset_ms");
                } else {
                    o.put("offset_ms", e.offsetMs);
                }
            }));

    private final boolean withCrop;

    /** @param withCrop include the plate crop as base64 JPEG ({@code crop_jpeg}) */
    public PlateEventJson(boolean withCrop) {
        this.withCrop = withCrop;
    }

    public ObjectNode toJson(PlateEvent event) {
        ObjectNode o = JSON.createObjectNode().put("schema", SCHEMA);
        for (Field field : FIELDS) {
            field.write().accept(o, event);
        }
        if (withCrop && event.cropJpeg != null) {
            o.put("crop_jpeg", Base64.getEncoder().encodeToString(event.cropJpeg));
        }
        return o;
    }

    /** A stored event: its readable values, and {@code unreadable} naming the others when there are any. */
    public ObjectNode toJson(StoredEvent stored) {
        ObjectNode o = toJson(stored.event());
        if (!stored.unreadable().isEmpty()) {
            stored.unreadable().forEach(o.putArray("unreadable")::add);
        }
        return o;
    }

    /** Stored events as one JSON array. */
    public String array(List<StoredEvent> events) {
        var array = JSON.createArrayNode();
        events.forEach(e -> array.add(toJson(e)));
        try {
            return JSON.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write events as JSON", e);
        }
    }

    public byte[] bytes(PlateEvent event) {
        try {
            return JSON.writeValueAsBytes(toJson(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.eventId + " as JSON", e);
        }
    }

    private static void runnerUps(ObjectNode o, PlateEvent e) {
        var list = o.putArray("runner_ups");
        for (int i = 0; e.runnerUps != null && i < e.runnerUps.length; i++) {
            list.addObject().put("plate", e.runnerUps[i]).put("votes", e.runnerUpVotes[i]);
        }
    }

    private static void box(ObjectNode o, PlateEvent e) {
        Box b = e.box;
        if (b == null) {
            o.putNull("box");
        } else {
            o.putObject("box").put("x1", b.x1).put("y1", b.y1).put("x2", b.x2).put("y2", b.y2);
        }
    }
}
