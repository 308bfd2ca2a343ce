package io.lpr.sink;

import io.lpr.event.PlateEvent;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Events to a Kafka topic, exactly once: the sink writes inside a Kafka transaction that commits when a Flink
 * checkpoint completes, so a {@code read_committed} consumer sees each event once, even across failures and
 * restarts. The record key is the camera id, so one camera's events land in one partition, in order; the
 * value is {@link PlateEventJson}.
 *
 * <p>The transaction timeout must outlast the longest time a transaction stays open: a checkpoint interval,
 * plus the time a failed job takes to restart and complete its next checkpoint. Kafka aborts a transaction
 * open longer, and its events would be lost. Brokers cap it at {@code transaction.max.timeout.ms} (15 min by
 * default).
 */
public final class KafkaEventSink {
    private KafkaEventSink() {}

    /** Where and how: bootstrap servers, topic, transactional id prefix (unique per job), timeout, crops. */
    public record Config(String bootstrap, String topic, String transactionalIdPrefix, Duration transactionTimeout,
            boolean withCrop) implements Serializable {}

    public static Sink<PlateEvent> of(Config config) {
        return KafkaSink.<PlateEvent>builder()
                .setBootstrapServers(config.bootstrap())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.transactionalIdPrefix())
                .setProperty("transaction.timeout.ms", String.valueOf(config.transactionTimeout().toMillis()))
                .setProperty("enable.idempotence", "true")
                .setRecordSerializer(KafkaRecordSerializationSchema.<PlateEvent>builder()
                        .setTopic(config.topic())
                        .setKeySerializationSchema(new CameraKey())
                        .setValueSerializationSchema(new JsonValue(config.withCrop()))
                        .build())
                .build();
    }

    private static final class CameraKey implements SerializationSchema<PlateEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(PlateEvent event) {
            return event.cameraId.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class JsonValue implements SerializationSchema<PlateEvent> {
        private static final long serialVersionUID = 1L;
        private final boolean withCrop;
        private transient PlateEventJson json;

        JsonValue(boolean withCrop) {
            this.withCrop = withCrop;
        }

        @Override
        public byte[] serialize(PlateEvent event) {
            if (json == null) {
                json = new PlateEventJson(withCrop);
            }
            return json.bytes(event);
        }
    }
}
