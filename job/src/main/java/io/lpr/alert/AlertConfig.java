package io.lpr.alert;

import io.lpr.util.Require;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Watch-list alerts' settings, checked when built.
 *
 * @param minConfidence a read this confident (0..1) that matches an entry raises its alert
 * @param watchlistFile a YAML file of entries beside the table, or null
 * @param kafkaTopic the alerts topic, or null for none
 * @param webhookUrl where alerts are POSTed, or null for none
 * @param webhookSecretEnv the environment variable holding the signing key, or null: unsigned. Only its name
 *     travels with the job; the key is read where the webhook is called.
 * @param webhookMaxBackoff the longest wait between tries of a failing webhook
 */
public record AlertConfig(float minConfidence, String watchlistFile, String kafkaTopic, String webhookUrl,
        String webhookSecretEnv, Duration webhookMaxBackoff) implements Serializable {
    public static final AlertConfig DEFAULTS = new AlertConfig(0.8f, null, null, null, null, Duration.ofMinutes(1));
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public AlertConfig {
        Require.that(minConfidence >= 0 && minConfidence <= 1, "lpr.alerts.min-confidence must be 0..1, got " + minConfidence);
        Require.that(kafkaTopic == null || kafkaTopic.matches("[a-zA-Z0-9._-]{1,249}"),
                "lpr.alerts.kafka-topic is not a valid topic name: '" + kafkaTopic + "'");
        Require.that(webhookUrl == null || webhookUrl.startsWith("http://") || webhookUrl.startsWith("https://"),
                "lpr.alerts.webhook-url must be an http:// or https:// URL, got '" + webhookUrl + "'");
        if (webhookUrl != null) {
            URI.create(webhookUrl);
        }
        Require.that(webhookMaxBackoff != null && webhookMaxBackoff.toMillis() >= 1,
                "lpr.alerts.webhook-max-backoff must be positive, got " + webhookMaxBackoff);
    }

    public static AlertConfig from(ReadableConfig c) {
        String secret = c.get(AlertOptions.WEBHOOK_SECRET);
        String secretEnv = null;
        if (secret != null && !secret.isBlank()) {
            Matcher m = ENV.matcher(secret.strip());
            // A literal key would travel in the job graph and the configuration; only a variable's name does here.
            Require.that(m.matches(), "lpr.alerts.webhook-secret must name an environment variable as ${VAR}, not hold the key");
            secretEnv = m.group(1);
        }
        return new AlertConfig(c.get(AlertOptions.MIN_CONFIDENCE), blankToNull(c.get(AlertOptions.WATCHLIST)),
                blankToNull(c.get(AlertOptions.KAFKA_TOPIC)), blankToNull(c.get(AlertOptions.WEBHOOK_URL)), secretEnv,
                c.get(AlertOptions.WEBHOOK_MAX_BACKOFF));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
