package io.lpr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.Alert;
import io.lpr.testing.PostgresServer;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchLevel;
import io.lpr.watch.WatchTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The watchlist and alerts tables on a real PostgreSQL, as a production job uses them. */
class PostgresAlertTablesTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Test
    void entriesAndAlertsRoundTripAndAReplayedAlertIsWrittenOnce() throws Exception {
        Database db = PG.newJobDatabase();
        WatchTable watch = new WatchTable(db);
        assertThat(watch.list()).isEmpty();
        watch.ensureSchema();
        WatchEntry stolen = WatchEntry.of("O567AM76", true, "stolen", WatchLevel.ALERT, 1_800_000_000_000L, "gate");
        WatchEntry pattern = WatchEntry.of("*777", false, null, WatchLevel.INFO, null);
        watch.put(stolen);
        watch.put(pattern);
        assertThat(watch.list()).containsExactly(pattern, stolen);
        assertThat(watch.remove("*777")).isTrue();
        assertThat(watch.list()).containsExactly(stolen);

        AlertsTable alerts = new AlertsTable(db).ensureSchema();
        Alert first = WebhookDeliveryTest.alert("e1", 1_000);
        Alert second = WebhookDeliveryTest.alert("e2", 2_000);
        second.cameraId = "yard";
        alerts.insert(List.of(first, second));
        alerts.insert(List.of(first));
        assertThat(alerts.query(new AlertsTable.Query(null, null, null, 10))).extracting(a -> a.alertId)
                .containsExactly(first.alertId, second.alertId);
        assertThat(alerts.query(new AlertsTable.Query("yard", "567", Instant.ofEpochMilli(second.seenAt), 10)))
                .singleElement().satisfies(a -> assertThat(a.seenAt).isEqualTo(second.seenAt));
        alerts.attempted(first.alertId, true);
        assertThat(alerts.undelivered(10)).extracting(a -> a.alertId).containsExactly(second.alertId);
    }
}
