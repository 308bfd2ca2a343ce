package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.lpr.sink.KafkaEventSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import io.lpr.db.SinkOptions;
import org.apache.flink.configuration.ReadableConfig;

/** The Kafka sink's settings ({@code lpr.kafka.*}); with no bootstrap servers there is no Kafka sink. */
public final class KafkaOptions {
    private KafkaOptions() {}

    public static final ConfigOption<String> BOOTSTRAP = key("lpr.kafka.bootstrap").stringType().noDefaultValue()
            .withDescription("Kafka bootstrap servers (HOST:PORT,...). Set: events also go to Kafka, exactly once.");
    public static final ConfigOption<String> TOPIC = key("lpr.kafka.topic").stringType().defaultValue("plates")
            .withDescription("Topic the events are written to, as JSON (schema lpr.plate-event/2), every revision of an event a record.");
    public static final ConfigOption<KafkaEventSink.Key> KEY = key("lpr.kafka.key").enumType(KafkaEventSink.Key.class)
            .defaultValue(KafkaEventSink.Key.CAMERA)
            .withDescription("Record key: CAMERA (the camera id: one camera's records in order in one partition) or"
                    + " EVENT (the event id: for a compacted topic that keeps each event's latest record).");
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = key("lpr.kafka.transactional-id-prefix")
            .stringType().noDefaultValue()
            .withDescription("Prefix of the sink's Kafka transactional ids: unique per job and the same across its restarts."
                    + " Unset: derived from the topic, the cameras and the sink database.");
    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = key("lpr.kafka.transaction-timeout").durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("Kafka transaction timeout: more than the checkpoint interval plus a restart; at most the"
                    + " broker's transaction.max.timeout.ms (15 min by default).");
    public static final ConfigOption<Boolean> WITH_CROP = key("lpr.kafka.crop").booleanType().defaultValue(true)
            .withDescription("Include the plate crop (JPEG, base64) in each record.");
    /** Exactly-once Kafka commits on checkpoints; a job given none gets this interval. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** The sink's settings, checked; empty when no bootstrap servers are set. */
    public static Optional<KafkaEventSink.Config> from(ReadableConfig c, Duration checkpointInterval) {
        String bootstrap = c.get(BOOTSTRAP);
        if (bootstrap == null || bootstrap.isBlank()) {
            return Optional.empty();
        }
        if (!bootstrap.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*")) {
            throw new IllegalArgumentException("lpr.kafka.bootstrap must be HOST:PORT[,HOST:PORT...], got '" + bootstrap + "'");
        }
        String topic = c.get(TOPIC);
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("lpr.kafka.topic is not a valid topic name: '" + topic + "'");
        }
        Duration timeout = c.get(TRANSACTION_TIMEOUT);
        if (checkpointInterval != null && timeout.compareTo(checkpointInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("lpr.kafka.transaction-timeout (" + timeout + ") must be at least twice the"
                    + " checkpoint interval (" + checkpointInterval + "), or a restart would let Kafka abort committed-to-be events");
        }
        String prefix = c.getOptional(TRANSACTIONAL_ID_PREFIX).orElseGet(() -> derivedPrefix(c, topic));
        return Optional.of(new KafkaEventSink.Config(bootstrap, topic, prefix, timeout, c.get(WITH_CROP), c.get(KEY)));
    }

    /** Stable for the same job (topic, cameras, sink), different for another one writing beside it. */
    private static String derivedPrefix(ReadableConfig c, String topic) {
        String identity = topic + "|" + c.get(SourceOptions.CAMERAS) + "|" + c.get(SourceOptions.CAMERAS_FILE) + "|"
                + c.get(SourceOptions.CAMERAS_TABLE) + "|" + c.get(SinkOptions.JDBC_URL);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "lpr-" + topic + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
