package io.lpr.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.PlateEvent;
import io.lpr.events.PlateEventJsonTest;
import io.lpr.job.JobConfiguration;
import io.lpr.settings.KafkaOptions;
import io.lpr.testing.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code lpr.kafka.properties.*} reach the Kafka producer the sink makes, on a MiniCluster writing to a real
 * broker: the producer hands its final configuration (a {@code ${VAR}} resolved from the environment by Kafka
 * itself) to an interceptor it was told to load, and the records still arrive, committed, compressed as asked.
 */
class KafkaProducerPropertiesTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    /** The configuration each producer of this JVM was configured with, by client id. */
    static final Map<String, Map<String, ?>> SEEN = new ConcurrentHashMap<>();

    /** Loaded by the producer from {@code interceptor.classes}; sees the configuration the producer runs with. */
    public static final class Recorder implements ProducerInterceptor<byte[], byte[]> {
        @Override
        public void configure(Map<String, ?> configs) {
            SEEN.put(String.valueOf(configs.get("client.id")), Map.copyOf(configs));
        }

        @Override
        public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

        @Override
        public void close() {}
    }

    @Test
    void anyProducerPropertyPassesThroughAndAVariableIsResolvedWhereTheProducerRuns() throws Exception {
        var configuration = new JobConfiguration().overrides(List.of(
                "lpr.kafka.bootstrap=" + KAFKA.bootstrap(),
                "lpr.kafka.topic=properties",
                "lpr.kafka.properties.compression.type=zstd",
                "lpr.kafka.properties.linger.ms=7",
                // The build's test password stands for a secret: in the settings only as a reference.
                "lpr.kafka.properties.client.id=lpr-${LPR_DB_PASSWORD}",
                "lpr.kafka.properties.interceptor.classes=" + Recorder.class.getName())).build();
        KafkaEventSink.Config config = KafkaOptions.from(configuration, null).orElseThrow();
        assertThat(config.producerProperties()).containsEntry("client.id", "lpr-${env:LPR_DB_PASSWORD}");
        assertThat(config.toString()).doesNotContain("lpr-test-only");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(Duration.ofMillis(500).toMillis());
        env.fromData(PlateEvent.class, event()).sinkTo(KafkaEventSink.of(config));
        env.execute("lpr-kafka-properties-test");

        assertThat(SEEN).containsKey("lpr-lpr-test-only");
        Map<String, ?> producer = SEEN.get("lpr-lpr-test-only");
        assertThat(producer.get("compression.type")).isEqualTo("zstd");
        assertThat(String.valueOf(producer.get("linger.ms"))).isEqualTo("7");
        assertThat(KAFKA.readCommitted("properties")).singleElement()
                .satisfies(m -> assertThat(m.value()).contains("\"plate\":\"B840CK197\""));
    }

    static PlateEvent event() {
        PlateEvent e = PlateEventJsonTest.event();
        e.revision = 1;
        return e;
    }
}
