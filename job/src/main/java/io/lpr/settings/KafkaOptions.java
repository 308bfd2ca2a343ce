package io.lpr.settings;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.lpr.sink.KafkaEventSink;
import io.lpr.util.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import io.lpr.db.SinkOptions;
import org.apache.flink.configuration.ReadableConfig;

/** The Kafka sink's settings ({@code lpr.kafka.*}); with no bootstrap servers there is no Kafka sink. */
public final class KafkaOptions {
    private KafkaOptions() {}

    private static final KafkaEventSink.Config DEFAULTS = KafkaEventSink.Config.DEFAULTS;

    public static final ConfigOption<String> BOOTSTRAP = key("lpr.kafka.bootstrap").stringType().noDefaultValue()
            .withDescription("Kafka bootstrap servers (HOST:PORT,...). Set: events also go to Kafka, exactly once.");
    public static final ConfigOption<String> TOPIC = key("lpr.kafka.topic").stringType().defaultValue(DEFAULTS.topic())
            .withDescription("Topic the events are written to, as JSON (schema lpr.plate-event/2), every revision of an event a record.");
    public static final ConfigOption<KafkaEventSink.Key> KEY = key("lpr.kafka.key").enumType(KafkaEventSink.Key.class)
            .defaultValue(DEFAULTS.key())
            .withDescription("Record key: CAMERA (the camera id: one camera's records in order in one partition) or"
                    + " EVENT (the event id: for a compacted topic that keeps each event's latest record).");
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = key("lpr.kafka.transactional-id-prefix")
            .stringType().noDefaultValue()
            .withDescription("Prefix of the sink's Kafka transactional ids: unique per job and the same across its restarts."
                    + " Unset: derived from the topic, the cameras and the sink database.");
    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = key("lpr.kafka.transaction-timeout").durationType()
            .defaultValue(DEFAULTS.transactionTimeout())
            .withDescription("Kafka transaction timeout: more than the checkpoint interval plus a restart; at most the"
                    + " broker's transaction.max.timeout.ms (15 min by default).");
    public static final ConfigOption<Boolean> WITH_CROP = key("lpr.kafka.crop").booleanType().defaultValue(DEFAULTS.withCrop())
            .withDescription("Include the plate crop (JPEG, base64) in each record.");
    /**
     * Any Kafka producer property, as Flink's own Kafka connector takes {@code properties.*}: security
     * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), {@code compression.type}, {@code acks},
     * {@code client.id}... A {@code ${VAR}} in a value is the environment variable VAR where the producer runs
     * (Kafka's EnvVarConfigProvider resolves it there), so a secret is in no flag, file or job graph.
     */
    public static final String PROPERTIES_PREFIX = "lpr.kafka.properties.";
    /** What lpr sets itself, from its own settings: a producer property of these names is refused. */
    private static final Map<String, String> OWN = Map.of(
            "bootstrap.servers", BOOTSTRAP.key(),
            "transactional.id", TRANSACTIONAL_ID_PREFIX.key(),
            "transaction.timeout.ms", TRANSACTION_TIMEOUT.key(),
            "enable.idempotence", "exactly-once delivery, always on",
            "key.serializer", KEY.key(),
            "value.serializer", "the JSON of docs/kafka-events.md");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    /** Exactly-once Kafka commits on checkpoints; a job given none gets this interval. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** The sink's settings, checked; empty when no bootstrap servers are set. */
    public static Optional<KafkaEventSink.Config> from(ReadableConfig c, Duration checkpointInterval) {
        String bootstrap = c.get(BOOTSTRAP);
        if (bootstrap == null || bootstrap.isBlank()) {
            return Optional.empty();
        }
        String topic = c.get(TOPIC);
        Duration timeout = c.get(TRANSACTION_TIMEOUT);
        Require.that(checkpointInterval == null || timeout.compareTo(checkpointInterval.multipliedBy(2)) >= 0,
                "lpr.kafka.transaction-timeout (" + timeout + ") must be at least twice the checkpoint interval ("
                        + checkpointInterval + "), or a restart would let Kafka abort committed-to-be events");
        String prefix = c.getOptional(TRANSACTIONAL_ID_PREFIX).orElseGet(() -> derivedPrefix(c, topic));
        return Optional.of(new KafkaEventSink.Config(bootstrap, topic, prefix, timeout, c.get(WITH_CROP), c.get(KEY),
                producerProperties(c)));
    }

    /**
     * The {@code lpr.kafka.properties.*} settings without their prefix, each {@code ${VAR}} turned into Kafka's
     * {@code ${env:VAR}} with the environment config provider declared (unless the user declared providers).
     */
    static Map<String, String> producerProperties(ReadableConfig c) {
        Map<String, String> properties = new TreeMap<>();
        c.toMap().forEach((key, value) -> {
            if (key.startsWith(PROPERTIES_PREFIX)) {
                String property = key.substring(PROPERTIES_PREFIX.length());
                if (property.isBlank()) {
                    throw new IllegalArgumentException(PROPERTIES_PREFIX + "* needs a Kafka producer property's name");
                }
                if (OWN.containsKey(property)) {
                    throw new IllegalArgumentException(key + " is lpr's own: use " + OWN.get(property));
                }
                properties.put(property, value);
            }
        });
        boolean references = false;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String resolved = ENV_REFERENCE.matcher(e.getValue()).replaceAll(m -> Matcher.quoteReplacement("${env:" + m.group(1) + "}"));
            references |= !resolved.equals(e.getValue());
            e.setValue(resolved);
        }
        if (references && !properties.containsKey("config.providers")) {
            properties.put("config.providers", "env");
            properties.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        }
        return properties;
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
