package io.lpr.sink;

import io.lpr.events.PlateEventJson;
import io.lpr.event.PlateEvent;
import io.lpr.util.Require;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Events to a Kafka topic, exactly once: the sink writes inside a Kafka transaction that commits when a Flink
 * checkpoint completes, so a {@code read_committed} consumer sees each record once, even across failures and
 * restarts. The records are a changelog: every revision of an event is a record, the last one marked final
 * (docs/kafka-events.md). The record key is the camera id (one camera's records in one partition, in order)
 * or the event id (a compacted topic keeps the latest record of each event); the value is
 * {@link PlateEventJson}.
 *
 * <p>The transaction timeout must outlast the longest time a transaction stays open: a checkpoint interval,
 * plus the time a failed job takes to restart and complete its next checkpoint. Kafka aborts a transaction
 * open longer, and its events would be lost. Brokers cap it at {@code transaction.max.timeout.ms} (15 min by
 * default).
 */
public final class KafkaEventSink {
    private KafkaEventSink() {}

    /** What a record's key is. */
    public enum Key {
        /** The camera id: one camera's records in one partition, in order. */
        CAMERA,
        /** The event id: every revision of an event in one partition, in order; a compacted topic keeps the latest. */
        EVENT
    }

    /**
     * Where and how: bootstrap servers, topic, transactional id prefix (unique per job), timeout, crops, key, and
     * the producer's own properties ({@code lpr.kafka.properties.*}: security, compression, acks...), whose
     * secrets are {@code ${env:VAR}} references the producer resolves where it runs. Checked when built; no
     * bootstrap servers means no Kafka sink.
     */
    public record Config(String bootstrap, String topic, String transactionalIdPrefix, Duration transactionTimeout,
            boolean withCrop, Key key, Map<String, String> producerProperties) implements Serializable {
        /** The defaults, written here once; {@code KafkaOptions} shows them. */
        public static final Config DEFAULTS =
                new Config(null, "plates", null, Duration.ofMinutes(10), true, Key.CAMERA, Map.of());

        /** @throws IllegalArgumentException naming the bad setting */
        public Config {
            Require.that(bootstrap == null || bootstrap.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*"),
                    "lpr.kafka.bootstrap must be HOST:PORT[,HOST:PORT...], got '" + bootstrap + "'");
            Require.that(topic != null && topic.matches("[a-zA-Z0-9._-]{1,249}"),
                    "lpr.kafka.topic is not a valid topic name: '" + topic + "'");
            Require.that(bootstrap == null || (transactionalIdPrefix != null && !transactionalIdPrefix.isBlank()),
                    "lpr.kafka.transactional-id-prefix must not be blank");
            Require.that(transactionTimeout != null && !transactionTimeout.isNegative() && !transactionTimeout.isZero(),
                    "lpr.kafka.transaction-timeout must be positive, got " + transactionTimeout);
            Require.that(key != null, "lpr.kafka.key must be CAMERA or EVENT");
            producerProperties = Map.copyOf(producerProperties);
        }

        /** Whether events go to Kafka at all. */
        public boolean enabled() {
            return bootstrap != null;
        }

        public Config withBootstrap(String value) {
            return new Config(value, topic, transactionalIdPrefix, transactionTimeout, withCrop, key, producerProperties);
        }

        public Config withTopic(String value) {
            return new Config(bootstrap, value, transactionalIdPrefix, transactionTimeout, withCrop, key, producerProperties);
        }

        public Config withTransactionalIdPrefix(String value) {
            return new Config(bootstrap, topic, value, transactionTimeout, withCrop, key, producerProperties);
        }

        public Config withTransactionTimeout(Duration value) {
            return new Config(bootstrap, topic, transactionalIdPrefix, value, withCrop, key, producerProperties);
        }

        public Config withCrop(boolean value) {
            return new Config(bootstrap, topic, transactionalIdPrefix, transactionTimeout, value, key, producerProperties);
        }

        public Config withKey(Key value) {
            return new Config(bootstrap, topic, transactionalIdPrefix, transactionTimeout, withCrop, value, producerProperties);
        }

        public Config withProducerProperties(Map<String, String> value) {
            return new Config(bootstrap, topic, transactionalIdPrefix, transactionTimeout, withCrop, key, value);
        }

        /** As a record's, with the values of secret-bearing properties masked: safe to log. */
        @Override
        public String toString() {
            Map<String, String> shown = new TreeMap<>();
            producerProperties.forEach((k, v) -> shown.put(k, secret(k) ? "***" : v));
            return "Config[bootstrap=" + bootstrap + ", topic=" + topic + ", transactionalIdPrefix=" + transactionalIdPrefix
                    + ", transactionTimeout=" + transactionTimeout + ", withCrop=" + withCrop + ", key=" + key
                    + ", producerProperties=" + shown + "]";
        }
    }

    /** Property names whose values are credentials (JAAS configs, passwords, keys, tokens). */
    public static boolean secret(String property) {
        String p = property.toLowerCase(java.util.Locale.ROOT);
        return p.contains("jaas") || p.contains("password") || p.contains("secret") || p.contains("token")
                || p.endsWith(".key") || p.contains("user.info") || p.contains("credentials");
    }

    public static Sink<PlateEvent> of(Config config) {
        return exactlyOnce(config, config.topic(), config.transactionalIdPrefix(),
                config.key() == Key.EVENT ? new EventKey() : new CameraKey(), new JsonValue(config.withCrop()));
    }

    /**
     * A sink of {@code T} to {@code topic} with these Kafka settings (servers, producer properties, transaction
     * timeout), exactly once: in transactions that commit with Flink's checkpoints, their ids prefixed
     * {@code transactionalIdPrefix}, unique per sink.
     */
    public static <T> Sink<T> exactlyOnce(Config config, String topic, String transactionalIdPrefix,
            SerializationSchema<T> key, SerializationSchema<T> value) {
        Properties producer = new Properties();
        producer.putAll(config.producerProperties());
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.bootstrap())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setKafkaProducerConfig(producer)
                .setProperty("transaction.timeout.ms", String.valueOf(config.transactionTimeout().toMillis()))
                .setProperty("enable.idempotence", "true")
                .setRecordSerializer(KafkaRecordSerializationSchema.<T>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(key)
                        .setValueSerializationSchema(value)
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

    private static final class EventKey implements SerializationSchema<PlateEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(PlateEvent event) {
            return event.eventId.getBytes(StandardCharsets.UTF_8);
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
