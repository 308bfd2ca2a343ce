package io.lpr.cli;

import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.alert.AlertsTable;
import io.lpr.cli.LprCliTest.Result;
import io.lpr.db.Database;
import io.lpr.event.Alert;
import io.lpr.watch.WatchTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lpr watch add|list|remove} and {@code lpr alerts} on a real SQLite file. */
class WatchAndAlertsCommandTest {
    @TempDir
    Path dir;

    @Test
    void entriesAreAddedListedAndRemoved() {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        Result add = lpr("watch", "add", "о567ам76", "--near", "--note", "stolen", "--until", "2030-01-01",
                "--camera", "gate,street", "--db", db);
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("watching O567AM76");
        assertThat(lpr("watch", "add", "*777", "--level", "info", "--db", db).exit()).isZero();

        Result list = lpr("watch", "list", "--db", db);
        assertThat(list.out().lines().toList()).containsExactly(
                "*777         -     info  -                        all",
                "O567AM76     near  alert 2030-01-01T00:00:00Z     gate,street      stolen");
        assertThat(new WatchTable(Database.of(db, null, null)).list()).hasSize(2);

        Result bad = lpr("watch", "add", "O567AM76", "--level", "urgent", "--db", db);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith("lpr: ").contains("info or alert").hasLineCount(1);

        assertThat(lpr("watch", "remove", "O567AM76", "--db", db).exit()).isZero();
        Result again = lpr("watch", "remove", "O567AM76", "--db", db);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no watch entry 'O567AM76'");
        assertThat(lpr("watch", "list", "--db", db).out().lines()).hasSize(1);
    }

    @Test
    void alertsAreListedFilteredAndFormatted() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        AlertsTable table = new AlertsTable(Database.of(db, null, null)).ensureSchema();
        table.insert(List.of(alert("e1", "gate", "O567AM76", 1_000), alert("e2", "yard", "B840CK197", 2_000)));

        Result all = lpr("alerts", "--db", db);
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out().lines().toList()).hasSize(2).first().asString()
                .contains("gate").contains("O567AM76").contains("0.93").contains("stolen");
        assertThat(lpr("alerts", "--db", db, "--camera", "yard").out()).contains("B840CK197").doesNotContain("O567AM76");
        assertThat(lpr("alerts", "--db", db, "--plate", "567").out()).contains("O567AM76").doesNotContain("B840CK197");
        assertThat(lpr("alerts", "--db", db, "--since", "2025-12-06T05:46:42Z").out().lines()).hasSize(1);

        Result json = lpr("alerts", "--db", db, "--format", "json");
        assertThat(json.out()).contains("\"schema\":\"lpr.alert/1\"").contains("\"alert_id\":\"" + Alert.idOf("e1", "O567AM76"));
        Result csv = lpr("alerts", "--db", db, "--format", "csv");
        assertThat(csv.out().lines().toList()).hasSize(3).first().asString().startsWith("alert_id,event_id,seen_at");
    }

    private static Alert alert(String eventId, String camera, String plate, long at) {
        Alert a = new Alert();
        a.eventId = eventId;
        a.entry = plate;
        a.alertId = Alert.idOf(eventId, plate);
        a.level = "alert";
        a.note = "stolen";
        a.cameraId = camera;
        a.plateText = plate;
        a.confidence = 0.93f;
        a.seenAt = 1_765_000_000_000L + at;
        return a;
    }
}
