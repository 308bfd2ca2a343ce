package io.lpr.sink;

import static io.lpr.events.EventStoreContract.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.event.Snapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the retention sweep deletes and keeps, on a real database; run on SQLite and PostgreSQL. */
abstract class RetentionSweeperContract {
    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    static final Duration DAY = Duration.ofDays(1);
    /** Small batches, so a sweep takes several and their loop is what is tested. */
    static final RetentionConfig SMALL = RetentionConfig.DEFAULTS.withBatchRows(2).withPause(Duration.ZERO);

    abstract Database database();

    /** Seven events 40 days old, one that began 40 days ago and was last seen 5 days ago, two 5 days old. */
    List<PlateEvent> fill() throws Exception {
        List<PlateEvent> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(withCrop(event("gate", "A00" + i + "AA77", NOW.minus(DAY.multipliedBy(40)).toEpochMilli() + i * 1000L, 5)));
        }
        PlateEvent longPassage = withCrop(event("yard", "B111BB77", NOW.minus(DAY.multipliedBy(40)).toEpochMilli(), 5));
        longPassage.lastSeen = NOW.minus(DAY.multipliedBy(5)).toEpochMilli();
        events.add(longPassage);
        events.add(withCrop(event("gate", "C222CC77", NOW.minus(DAY.multipliedBy(5)).toEpochMilli(), 5)));
        events.add(withCrop(event("yard", "E333EE77", NOW.minus(DAY.multipliedBy(5)).toEpochMilli(), 5)));
        try (EventUpserter upserter = new EventUpserter(database(), 1_000)) {
            upserter.upsert(events);
        }
        return events;
    }

    /** Plate text to whether its row still has a crop, for every stored row. */
    Map<String, Boolean> stored() {
        Map<String, Boolean> rows = new TreeMap<>();
        EventStore.query(database(), new EventQuery(null, null, null, null, 1_000, true))
                .forEach(e -> rows.put(e.plateText, e.cropJpeg != null));
        return rows;
    }

    @Test
    void deletesEventsLastSeenBeforeTheRetentionInBatchesAndKeepsTheRest() throws Exception {
        fill();
        RetentionSweeper sweeper = new RetentionSweeper(database(), SMALL.withEvents(DAY.multipliedBy(30)));

        assertThat(sweeper.sweep(NOW)).isEqualTo(new RetentionSweeper.Swept(7, 0));
        // The long passage is judged by its last sighting: still within the 30 days.
        assertThat(stored()).containsOnlyKeys("B111BB77", "C222CC77", "E333EE77");
        assertThat(stored()).containsValues(true);
        assertThat(sweeper.sweep(NOW)).as("a second pass deletes nothing more").isEqualTo(new RetentionSweeper.Swept(0, 0));

        // A day later than the passage's last sighting plus the retention, it goes too.
        assertThat(sweeper.sweep(NOW.plus(DAY.multipliedBy(26)))).isEqualTo(new RetentionSweeper.Swept(3, 0));
        assertThat(stored()).isEmpty();
    }

    @Test
    void deletesTheCropsOfOlderEventsAndKeepsTheirRows() throws Exception {
        fill();
        RetentionSweeper sweeper = new RetentionSweeper(database(), SMALL.withSnapshots(DAY.multipliedBy(7)));

        assertThat(sweeper.sweep(NOW)).isEqualTo(new RetentionSweeper.Swept(0, 7));
        Map<String, Boolean> rows = stored();
        assertThat(rows).hasSize(10);
        assertThat(rows).containsEntry("A000AA77", false).containsEntry("A006AA77", false)
                .containsEntry("B111BB77", true).containsEntry("C222CC77", true).containsEntry("E333EE77", true);
        assertThat(sweeper.sweep(NOW)).isEqualTo(new RetentionSweeper.Swept(0, 0));
    }

    @Test
    void bothAtOnceAndALateOldEventIsDeletedByTheNextSweep() throws Exception {
        fill();
        RetentionSweeper sweeper = new RetentionSweeper(database(),
                SMALL.withEvents(DAY.multipliedBy(30)).withSnapshots(DAY.multipliedBy(2)));
        assertThat(sweeper.sweep(NOW)).isEqualTo(new RetentionSweeper.Swept(7, 3));
        assertThat(stored()).containsOnly(Map.entry("B111BB77", false), Map.entry("C222CC77", false),
                Map.entry("E333EE77", false));

        // A replay or a late event older than the retention is written as any other, then swept again.
        PlateEvent late = withCrop(event("gate", "K999KK77", NOW.minus(DAY.multipliedBy(60)).toEpochMilli(), 5));
        try (EventUpserter upserter = new EventUpserter(database(), 1_000)) {
            upserter.upsert(List.of(late));
        }
        assertThat(stored()).containsKey("K999KK77");
        assertThat(sweeper.sweep(NOW)).isEqualTo(new RetentionSweeper.Swept(1, 0));
        assertThat(stored()).containsOnlyKeys("B111BB77", "C222CC77", "E333EE77");
    }

    @Test
    void deletesTheSnapshotsOfOlderEventsAndThoseOfDeletedEvents() throws Exception {
        List<PlateEvent> events = fill();
        events.forEach(e -> e.snapshot = new Snapshot(new byte[] {(byte) 0xFF, (byte) 0xD8, 9, (byte) 0xFF, (byte) 0xD9},
                1280, 720, 1920, 1080));
        try (EventUpserter upserter = new EventUpserter(database(), 1_000)) {
            upserter.upsert(events);
        }
        assertThat(snapshots()).hasSize(10);

        // 7 days: the pictures of the 40-day-old events go (crops and snapshots), their rows and the rest stay.
        RetentionSweeper pictures = new RetentionSweeper(database(), SMALL.withSnapshots(DAY.multipliedBy(7)));
        assertThat(pictures.sweep(NOW)).isEqualTo(new RetentionSweeper.Swept(0, 7, 7));
        assertThat(snapshots()).containsOnlyKeys("B111BB77", "C222CC77", "E333EE77");
        assertThat(stored()).hasSize(10);
        assertThat(pictures.sweep(NOW)).isEqualTo(new RetentionSweeper.Swept(0, 0, 0));

        // 30 days of events, 2 of pictures, 26 days on: every event has expired, and its snapshot goes with it.
        RetentionSweeper both = new RetentionSweeper(database(),
                SMALL.withEvents(DAY.multipliedBy(30)).withSnapshots(DAY.multipliedBy(2)));
        assertThat(both.sweep(NOW.plus(DAY.multipliedBy(26)))).isEqualTo(new RetentionSweeper.Swept(10, 0, 3));
        assertThat(stored()).isEmpty();
        assertThat(snapshots()).isEmpty();
    }

    /** Plate text to its snapshot's width, for every stored snapshot. */
    Map<String, Integer> snapshots() throws Exception {
        Map<String, Integer> rows = new TreeMap<>();
        try (Connection c = database().connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT e.plate_text, s.width FROM plate_snapshots s "
                        + "LEFT JOIN plate_events e ON e.event_id = s.event_id")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    static PlateEvent withCrop(PlateEvent e) {
        e.cropJpeg = new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        return e;
    }
}
