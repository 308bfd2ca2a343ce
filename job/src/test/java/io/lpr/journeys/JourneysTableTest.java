package io.lpr.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.events.EventStore;
import io.lpr.journey.Journey;
import io.lpr.journey.Journey.State;
import io.lpr.testing.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journeys table on SQLite and PostgreSQL: one row per (journey, entry event) however often it is written
 * (a replay), never back to open once closed, read newest first with the open ones counted.
 */
public class JourneysTableTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path dir;

    public static final long T0 = 1_765_094_400_000L; // 2025-12-07T08:00:00Z

    /** A row of journey "parking"; closed when {@code exitAfterMs} is positive. */
    public static Journey journey(String entryId, String plate, long entryTime, State state, long exitAfterMs) {
        Journey j = new Journey();
        j.journey = "parking";
        j.entryEventId = entryId;
        j.plateText = plate;
        j.entryCamera = "gate-in";
        j.entryTime = entryTime;
        j.state = state;
        if (state == State.closed) {
            j.exitEventId = "x-" + entryId;
            j.exitPlateText = plate;
            j.exitCamera = "gate-out";
            j.exitTime = entryTime + exitAfterMs;
        }
        return j;
    }

    @Test
    void sqlite() {
        check(Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null));
    }

    @Test
    void postgres() {
        check(PG.newJobDatabase());
    }

    private static void check(Database db) {
        EventStore.ensureSchema(db); // as the job does before it starts: events, but no journeys yet
        assertThat(JourneysTable.read(db, false, 10)).as("no table yet: no journeys").isEmpty();
        Journey open = journey("e1", "A123BC77", T0, State.open, 0);
        Journey closed = journey("e1", "A123BC77", T0, State.closed, 3_723_000);
        List<Journey> run = List.of(open, journey("e2", "K095AE177", T0 + 60_000, State.open, 0), closed);
        JourneysTable.upsert(db, run);
        JourneysTable.upsert(db, run); // a replay
        JourneysTable.upsert(db, List.of(open)); // a stale open record after the close

        List<Journey> rows = JourneysTable.read(db, false, 10);
        assertThat(rows).extracting(j -> j.entryEventId + ":" + j.state).containsExactly("e1:closed", "e2:open");
        Journey e1 = rows.get(0);
        assertThat(e1.durationMs()).isEqualTo(3_723_000);
        assertThat(e1.exitEventId).isEqualTo("x-e1");
        assertThat(e1.entryTime).isEqualTo(T0);
        assertThat(e1.exitCamera).isEqualTo("gate-out");
        assertThat(JourneysTable.read(db, true, 10)).extracting(j -> j.entryEventId).containsExactly("e2");
        assertThat(JourneysTable.openCounts(db)).isEqualTo(Map.of("parking", 1L));

        JourneysTable.upsert(db, List.of(journey("e2", "K095AE177", T0 + 60_000, State.expired, 0)));
        assertThat(JourneysTable.read(db, false, 1)).extracting(j -> j.entryEventId + ":" + j.state)
                .containsExactly("e2:expired");
        assertThat(JourneysTable.openCounts(db)).isEmpty();
    }
}
