package io.lpr.settings;

import io.lpr.job.JobConfiguration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.sink.KafkaEventSink;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class KafkaOptionsTest {
    static Configuration settings(String... pairs) {
        return new JobConfiguration().overrides(List.of(pairs)).build();
    }

    @Test
    void noBootstrapMeansNoKafkaSink() {
        assertThat(KafkaOptions.from(settings(), null)).isEmpty();
    }

    @Test
    void aJobGetsAStablePrefixOfItsOwnAndTheDefaults() {
        KafkaEventSink.Config a = KafkaOptions.from(settings("lpr.kafka.bootstrap=127.0.0.1:9092", "lpr.cameras=a=/v/a.mp4"), null).orElseThrow();
        KafkaEventSink.Config again = KafkaOptions.from(settings("lpr.kafka.bootstrap=127.0.0.1:9092", "lpr.cameras=a=/v/a.mp4"), null).orElseThrow();
        KafkaEventSink.Config other = KafkaOptions.from(settings("lpr.kafka.bootstrap=127.0.0.1:9092", "lpr.cameras=b=/v/b.mp4"), null).orElseThrow();
        assertThat(a.topic()).isEqualTo("plates");
        assertThat(a.transactionalIdPrefix()).startsWith("lpr-plates-").isEqualTo(again.transactionalIdPrefix())
                .isNotEqualTo(other.transactionalIdPrefix());
        assertThat(a.transactionTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(a.withCrop()).isTrue();
        assertThat(a.key()).isEqualTo(KafkaEventSink.Key.CAMERA);
    }

    @Test
    void recordsCanBeKeyedByEventIdForACompactedTopic() {
        assertThat(KafkaOptions.from(settings("lpr.kafka.bootstrap=127.0.0.1:9092", "lpr.kafka.key=event"), null)
                .orElseThrow().key()).isEqualTo(KafkaEventSink.Key.EVENT);
        assertThatThrownBy(() -> KafkaOptions.from(settings("lpr.kafka.bootstrap=127.0.0.1:9092", "lpr.kafka.key=plate"),
                null)).hasMessageContaining("lpr.kafka.key");
    }

    @Test
    void aTransactionTimeoutShorterThanTwoCheckpointsIsRefused() {
        assertThatThrownBy(() -> KafkaOptions.from(settings("lpr.kafka.bootstrap=127.0.0.1:9092",
                        "lpr.kafka.transaction-timeout=50s"), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lpr.kafka.transaction-timeout");
    }

    @Test
    void badBootstrapOrTopicIsOneLine() {
        assertThatThrownBy(() -> KafkaOptions.from(settings("lpr.kafka.bootstrap=kafka"), null))
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> KafkaOptions.from(settings("lpr.kafka.bootstrap=k:9092", "lpr.kafka.topic=a b"), null))
                .hasMessageContaining("lpr.kafka.topic");
    }

    @Test
    void producerPropertiesPassThroughWithSecretsFromTheEnvironmentAndMasked() {
        KafkaEventSink.Config c = KafkaOptions.from(settings("lpr.kafka.bootstrap=k:9092",
                "lpr.kafka.properties.security.protocol=SASL_SSL",
                "lpr.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                "lpr.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"lpr\" password=\"${KAFKA_PASSWORD}\";",
                "lpr.kafka.properties.acks=all"), null).orElseThrow();
        assertThat(c.producerProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("acks", "all")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"lpr\" password=\"${env:KAFKA_PASSWORD}\";")
                .containsEntry("config.providers", "env")
                .containsEntry("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        assertThat(c.toString()).contains("sasl.jaas.config=***", "acks=all").doesNotContain("ScramLoginModule");
    }

    @Test
    void noVariableNoProviderAndLprsOwnPropertiesAreRefused() {
        assertThat(KafkaOptions.from(settings("lpr.kafka.bootstrap=k:9092", "lpr.kafka.properties.compression.type=lz4"), null)
                .orElseThrow().producerProperties()).containsExactlyEntriesOf(java.util.Map.of("compression.type", "lz4"));
        assertThatThrownBy(() -> KafkaOptions.from(settings("lpr.kafka.bootstrap=k:9092",
                        "lpr.kafka.properties.transaction.timeout.ms=1000"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lpr.kafka.transaction-timeout");
    }

    @Test
    void theDefaultsAreNoKafkaAndEveryChangeIsChecked() {
        assertThat(KafkaEventSink.Config.DEFAULTS.enabled()).isFalse();
        assertThat(KafkaOptions.TOPIC.defaultValue()).isEqualTo(KafkaEventSink.Config.DEFAULTS.topic());
        KafkaEventSink.Config on = KafkaEventSink.Config.DEFAULTS.withTransactionalIdPrefix("lpr-x").withBootstrap("k:9092");
        assertThat(on.enabled()).isTrue();
        assertThatThrownBy(() -> on.withTopic("a b")).hasMessageContaining("lpr.kafka.topic");
        assertThatThrownBy(() -> on.withTransactionTimeout(Duration.ZERO)).hasMessageContaining("lpr.kafka.transaction-timeout");
        assertThatThrownBy(() -> KafkaEventSink.Config.DEFAULTS.withBootstrap("k:9092"))
                .hasMessageContaining("lpr.kafka.transactional-id-prefix");
    }
}
