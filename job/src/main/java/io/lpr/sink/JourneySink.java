package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.journey.Journey;
import io.lpr.journeys.JourneysTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts {@link Journey} rows into {@code journeys} as the plate events sink does its events: at least once,
 * in batches written within a second, before each checkpoint and at the end of input, each batch one
 * transaction, retried through an outage with {@link ConnectRetry}'s backoff and then failed with one line
 * (the job restarts from its checkpoint). The upsert by (journey, entry event) makes a replay harmless.
 * Journeys are a trickle, so the batch is small and copied as it comes (object reuse is not assumed off).
 */
public final class JourneySink implements Sink<Journey> {
    private static final long serialVersionUID = 1L;
    private static final long INTERVAL_MS = PlateEventSinks.DEFAULT_BATCH_INTERVAL_MS;

    private final Database db;

    public JourneySink(Database db) {
        this.db = db;
    }

    @Override
    public SinkWriter<Journey> createWriter(WriterInitContext context) {
        return new Writer(db, context.getProcessingTimeService());
    }

    private static final class Writer implements SinkWriter<Journey> {
        private static final Logger LOG = LoggerFactory.getLogger(JourneySink.class);
        private final Database db;
        private final ProcessingTimeService time;
        private final List<Journey> batch = new ArrayList<>();
        private Connection connection;
        private ScheduledFuture<?> timer;

        Writer(Database db, ProcessingTimeService time) {
            this.db = db;
            this.time = time;
        }

        @Override
        public void write(Journey journey, Context context) throws IOException, InterruptedException {
            batch.add(copy(journey));
            if (timer == null) {
                timer = time.registerTimer(time.getCurrentProcessingTime() + INTERVAL_MS, now -> {
                    timer = null;
                    writeBatch();
                });
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writeBatch();
        }

        private void writeBatch() throws IOException, InterruptedException {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                ConnectRetry.withBackoff(db, () -> {
                    writeOnce();
                    return null;
                });
            } catch (SQLException | DatabaseException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("cancelled while writing journeys to " + db.maskedUrl());
                }
                String message = "cannot write " + batch.size() + " journey row(s) to " + db.maskedUrl() + ": "
                        + ConnectRetry.describe(e);
                LOG.warn(message);
                throw new IOException(message); // the driver's chain would repeat the statement's values
            }
            batch.clear();
        }

        private void writeOnce() throws SQLException {
            try {
                if (connection == null) {
                    db.requireCreatable();
                    connection = db.open();
                    JourneysTable.createSchema(connection, db.dialect());
                    connection.setAutoCommit(false);
                }
                JourneysTable.upsert(connection, db.dialect(), batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private static Journey copy(Journey j) {
            Journey c = new Journey();
            c.journey = j.journey;
            c.entryEventId = j.entryEventId;
            c.exitEventId = j.exitEventId;
            c.plateText = j.plateText;
            c.exitPlateText = j.exitPlateText;
            c.entryCamera = j.entryCamera;
            c.exitCamera = j.exitCamera;
            c.entryTime = j.entryTime;
            c.exitTime = j.exitTime;
            c.state = j.state;
            return c;
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.cancel(false);
            }
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // a broken connection can fail to close; it is gone either way
                } finally {
                    connection = null;
                }
            }
        }
    }
}
