package io.lpr.alert;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Watch-list alerts' settings, {@code lpr.alerts.*} ({@link AlertConfig}, whose defaults they show). */
public final class AlertOptions {
    private AlertOptions() {}

    public static final ConfigOption<Float> MIN_CONFIDENCE = key("lpr.alerts.min-confidence").floatType()
            .defaultValue(AlertConfig.DEFAULTS.minConfidence())
            .withDescription("A passage raises a watch entry's alert at its first read this confident (0..1) that matches.");
    public static final ConfigOption<String> WATCHLIST = key("lpr.alerts.watchlist").stringType().noDefaultValue()
            .withDescription("A YAML file of watch entries, read with the watchlist table at every poll (the cameras' poll interval).");
    public static final ConfigOption<String> KAFKA_TOPIC = key("lpr.alerts.kafka-topic").stringType().noDefaultValue()
            .withDescription("Set, with lpr.kafka.bootstrap: alerts also go to this topic, exactly once (schema lpr.alert/1).");
    public static final ConfigOption<String> WEBHOOK_URL = key("lpr.alerts.webhook-url").stringType().noDefaultValue()
            .withDescription("Set: each alert is POSTed here as JSON (lpr.alert/1) with an Idempotency-Key header, retried until accepted.");
    public static final ConfigOption<String> WEBHOOK_SECRET = key("lpr.alerts.webhook-secret").stringType().noDefaultValue()
            .withDescription("${VAR}: the environment variable holding the HMAC-SHA256 key of the X-Lpr-Signature header.");
    public static final ConfigOption<Duration> WEBHOOK_MAX_BACKOFF = key("lpr.alerts.webhook-max-backoff").durationType()
            .defaultValue(AlertConfig.DEFAULTS.webhookMaxBackoff())
            .withDescription("The longest wait between tries of a webhook that fails (waits double from 1 s up to this).");
}
