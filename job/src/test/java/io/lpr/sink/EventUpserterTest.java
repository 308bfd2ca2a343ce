package io.lpr.sink;

import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import static io.lpr.events.EventStoreContract.T0;
import static io.lpr.events.EventStoreContract.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.testing.PostgresServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink's writes against a real PostgreSQL server that is stopped: an outage longer than the retry window
 * fails with one line that holds none of the batch's values, keeps nothing half-written, and the same batch
 * goes in once the server is back; a row the server refuses fails at once, just as quietly.
 */
class EventUpserterTest {
    private static final long RETRY_WINDOW_MS = 2_000;
    private static final String SECRET_PLATE = "E777EE77";

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private Database db;

    @BeforeEach
    void createDatabase() {
        db = PG.newJobDatabase();
    }

    @Test
    void anOutageLongerThanTheRetryWindowFailsWithOneLineAndTheBatchGoesInOnceTheServerIsBack() throws Exception {
        try (EventUpserter upserter = new EventUpserter(db, RETRY_WINDOW_MS)) {
            upserter.upsert(List.of(event("gate", "B840CK197", T0, 5)));
            List<PlateEvent> batch = List.of(withCrop(event("gate", SECRET_PLATE, T0 + 60_000, 7)),
                    event("yard", "A123BC77", T0 + 60_000, 3));

            PG.stopServer();
            IOException failure;
            try {
                failure = catchThrowableOfType(IOException.class, () -> upserter.upsert(batch));
            } finally {
                PG.startServer();
            }

            assertThat(failure).as("the write into the stopped server").isNotNull();
            assertThat(failure.getMessage())
                    .startsWith("cannot write 2 plate event(s): database " + db.maskedUrl() + " unreachable for 2 s (SQLSTATE 08")
                    .endsWith("the job restarts from its last checkpoint and writes them once the database is back")
                    .doesNotContain("\n");
            assertQuiet(failure);

            upserter.upsert(batch);
        }
        assertThat(EventStore.query(db, EventQuery.latest())).extracting(e -> e.cameraId + " " + e.plateText + " " + e.frames)
                .containsExactlyInAnyOrder("gate B840CK197 5", "gate " + SECRET_PLATE + " 7", "yard A123BC77 3");
    }

    @Test
    void aRowTheServerRefusesFailsAtOnceWithItsSqlStateAndNoneOfTheValues() throws Exception {
        PlateEvent refused = withCrop(event("gate", SECRET_PLATE, T0, 5));
        refused.plateText = null; // plate_text is NOT NULL: the server rejects the row, its detail repeats it
        try (EventUpserter upserter = new EventUpserter(db, RETRY_WINDOW_MS)) {
            IOException failure = catchThrowableOfType(IOException.class,
                    () -> upserter.upsert(List.of(event("yard", "A123BC77", T0, 3), refused)));

            assertThat(failure.getMessage())
                    .isEqualTo("cannot write 2 plate event(s) to " + db.maskedUrl() + ": SQLSTATE 23502: ERROR: null value "
                            + "in column \"plate_text\" of relation \"plate_events\" violates not-null constraint");
            assertQuiet(failure);

            upserter.upsert(List.of(event("yard", "A123BC77", T0, 3)));
        }
        assertThat(EventStore.query(db, EventQuery.latest())).extracting(e -> e.cameraId + " " + e.plateText)
                .as("the refused batch left nothing: one transaction").containsExactly("yard A123BC77");
    }

    private static PlateEvent withCrop(PlateEvent e) {
        e.cropJpeg = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x4A, 0x46, 0x49, 0x46};
        return e;
    }

    /** Nothing of a statement's parameters, and no driver exception whose chain would carry them. */
    private static void assertQuiet(IOException failure) {
        assertThat(failure).hasNoCause();
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(failure.getMessage()).doesNotContain(SECRET_PLATE, "INSERT", "Batch entry", "\\x", "ffd8", "gate",
                PG.password());
    }
}
