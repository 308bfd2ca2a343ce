package io.lpr.alert;

import io.lpr.db.Database;
import io.lpr.event.Alert;
import io.lpr.sink.KafkaEventSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Where alerts go: the {@code alerts} table (always; each alert written as it comes, once by its id, and the
 * webhook fed from there), and a Kafka topic, exactly once, as the events' sink does.
 */
public final class AlertSinks {
    private AlertSinks() {}

    /** The table; with a webhook URL, its first writer also runs the {@link WebhookDelivery} from the table. */
    public static Sink<Alert> table(Database db, AlertConfig config) {
        return new TableSink(db, config);
    }

    /** The alerts topic, with the events' Kafka settings; its transactional ids are the events' plus {@code -alerts}. */
    public static Sink<Alert> kafka(KafkaEventSink.Config kafka, String topic) {
        return KafkaEventSink.exactlyOnce(kafka, topic, kafka.transactionalIdPrefix() + "-alerts", new AlertKey(),
                new AlertValue());
    }

    private static final class AlertKey implements SerializationSchema<Alert> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Alert alert) {
            return alert.alertId.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class AlertValue implements SerializationSchema<Alert> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Alert alert) {
            return AlertJson.bytes(alert);
        }
    }

    private record TableSink(Database db, AlertConfig config) implements Sink<Alert> {
        @Override
        public SinkWriter<Alert> createWriter(WriterInitContext context) throws IOException {
            AlertsTable table = new AlertsTable(db);
            WebhookDelivery delivery = config.webhookUrl() != null && context.getTaskInfo().getIndexOfThisSubtask() == 0
                    ? new WebhookDelivery(table, Webhook.of(config), config.webhookMaxBackoff()).start()
                    : null;
            return new SinkWriter<>() {
                @Override
                public void write(Alert alert, Context ctx) throws IOException {
                    try {
                        table.insert(List.of(alert)); // alerts are rare: each is in the table (and on its way) at once
                    } catch (SQLException e) {
                        throw new IOException(db.describe("writing alert " + alert.alertId, e), e);
                    }
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() throws Exception {
                    if (delivery != null) {
                        delivery.close();
                        try {
                            delivery.deliverPending(); // a run that ends delivers what it can; the rest waits in the table
                        } catch (SQLException e) {
                            // the next run delivers them
                        }
                    }
                }
            };
        }
    }
}
