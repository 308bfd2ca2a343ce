package io.lpr.cli;

import io.lpr.sink.PlateEventStatement;
import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventStore;
import io.lpr.testing.PostgresServer;
import io.lpr.track.EventIds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code lpr query}'s flags as a user gives them, on SQLite and on PostgreSQL with the production password path. */
class QueryDatabaseTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private static final long T0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void cameraPlateSinceAndLimitFilterTheEventsTheNewestKeptAndPrintedOldestFirst() {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        store(Database.of(db, null, null));

        assertThat(plates(lpr("query", "--db", db))).containsExactly("A1", "B2", "C3");
        assertThat(plates(lpr("query", "--db", db, "--camera", "gate"))).containsExactly("A1", "B2");
        assertThat(plates(lpr("query", "--db", db, "--plate", "B%"))).containsExactly("B2");
        assertThat(plates(lpr("query", "--db", db, "--since", Instant.ofEpochMilli(T0 + 60_000).toString())))
                .containsExactly("B2", "C3");
        assertThat(plates(lpr("query", "--db", db, "--limit", "1"))).containsExactly("C3");
    }

    @Test
    void theDatabaseComesFromTheSettingsWhenNoFlagNamesIt() {
        String db = "jdbc:sqlite:" + dir.resolve("from-settings.db");
        store(Database.of(db, null, null));

        assertThat(plates(lpr("query", "--set", "lpr.sink.jdbc-url=" + db))).containsExactly("A1", "B2", "C3");
    }

    @Test
    void postgresPasswordIsReadFromTheVariableLprSinkPasswordEnvNames() {
        Database pg = PG.newJobDatabase();
        store(pg);

        LprCliTest.Result found = lpr("query", "--db", pg.url(), "--user", PG.user());
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(plates(found)).containsExactly("A1", "B2", "C3");

        LprCliTest.Result wrongVariable = lpr("query", "--db", pg.url(), "--user", PG.user(),
                "--set", "lpr.sink.password-env=LPR_TEST_NO_SUCH_VARIABLE");
        assertThat(wrongVariable.exit()).isEqualTo(1);
        assertThat(wrongVariable.err()).startsWith("lpr: cannot connect to " + pg.url());

        LprCliTest.Result cameras = lpr("cameras", "list", "--db", pg.url(), "--user", PG.user());
        assertThat(cameras.exit()).as(cameras.err()).isZero();
    }

    private static void store(Database db) {
        EventStore.ensureSchema(db);
        PlateEventStatement.upsert(db, List.of(event("gate", "A1", T0), event("gate", "B2", T0 + 60_000),
                event("yard", "C3", T0 + 120_000)));
    }

    private static List<String> plates(LprCliTest.Result r) {
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().lines().map(line -> line.trim().split("\\s+")[1]).toList();
    }

    private static PlateEvent event(String camera, String plate, long firstSeen) {
        PlateEvent e = new PlateEvent();
        e.cameraId = camera;
        e.plateText = plate;
        e.firstSeen = firstSeen;
        e.lastSeen = firstSeen + 2_400;
        e.eventId = EventIds.of(camera, firstSeen, 0);
        e.frames = 5;
        e.votes = 4;
        e.detectionScore = 0.9f;
        e.textScore = -100.5f;
        e.box = new Box(10, 20, 110, 50);
        return e;
    }
}
