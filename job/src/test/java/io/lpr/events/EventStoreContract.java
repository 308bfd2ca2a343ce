package io.lpr.events;

import io.lpr.sink.PlateEventStatement;
import io.lpr.sink.PlateEventSinks;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import io.lpr.track.EventIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What every supported database must do; subclasses supply a fresh, empty database per test. */
public abstract class EventStoreContract {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    public static final long T0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

    /** A fresh database with no table yet. */
    abstract Database database();

    @Test
    void schemaCreationIsIdempotent() throws SQLException {
        EventStore.ensureSchema(database());
        PlateEventStatement.upsert(database(), List.of(event("cam-1", "B840CK197", T0, 5)));
        EventStore.ensureSchema(database());

        assertThat(EventStore.count(database())).isEqualTo(1);
        assertThat(indexes()).contains("plate_events_camera_first_seen", "plate_events_plate_text",
                "plate_events_first_seen");
    }

    @Test
    void upsertTwiceKeepsOneRowWithTheNewValues() {
        EventStore.ensureSchema(database());
        PlateEvent first = event("cam-1", "B840CK197", T0, 5);
        PlateEventStatement.upsert(database(), List.of(first));

        PlateEvent update = event("cam-1", "B840CK197", T0, 9);
        update.lastSeen = T0 + 4_000;
        update.votes = 7;
        update.cropJpeg = new byte[] {1, 2, 3};
        update.box = null;
        PlateEventStatement.upsert(database(), List.of(update));

        List<PlateEvent> rows = EventStore.query(database(), all(true));
        assertThat(rows).hasSize(1);
        PlateEvent row = rows.get(0);
        assertThat(row.eventId).isEqualTo(first.eventId);
        assertThat(row.frames).isEqualTo(9);
        assertThat(row.votes).isEqualTo(7);
        assertThat(row.firstSeen).isEqualTo(T0);
        assertThat(row.lastSeen).isEqualTo(T0 + 4_000);
        assertThat(row.cropJpeg).containsExactly(1, 2, 3);
        assertThat(row.box).isNull();
    }

    @Test
    void queryFiltersAndReturnsTheNewestOldestFirst() {
        EventStore.ensureSchema(database());
        PlateEventStatement.upsert(database(), List.of(
                event("cam-1", "B840CK197", T0, 5),
                event("cam-1", "A123BC77", T0 + 60_000, 3),
                event("cam-2", "B840CK197", T0 + 120_000, 4),
                event("cam-1", "B840CK197", T0 + 180_000, 6)));

        assertThat(plates(EventStore.query(database(), all(false))))
                .containsExactly("B840CK197", "A123BC77", "B840CK197", "B840CK197");
        assertThat(EventStore.query(database(), new EventQuery("cam-1", null, null, null, 10, false)))
                .extracting(e -> e.firstSeen).containsExactly(T0, T0 + 60_000, T0 + 180_000);
        assertThat(EventStore.query(database(), new EventQuery(null, "B840CK197", null, null, 10, false)))
                .hasSize(3);
        assertThat(plates(EventStore.query(database(), new EventQuery(null, "A1%", null, null, 10, false))))
                .containsExactly("A123BC77");
        Instant since = Instant.ofEpochMilli(T0 + 60_000);
        Instant until = Instant.ofEpochMilli(T0 + 180_000);
        assertThat(EventStore.query(database(), new EventQuery(null, null, since, until, 10, false)))
                .extracting(e -> e.cameraId).containsExactly("cam-1", "cam-2");
        assertThat(EventStore.query(database(), new EventQuery(null, null, null, null, 2, false)))
                .extracting(e -> e.firstSeen).containsExactly(T0 + 120_000, T0 + 180_000);

        PlateEvent read = EventStore.query(database(), new EventQuery("cam-2", null, null, null, 1, false)).get(0);
        assertThat(read.box).isEqualTo(new Box(10, 20, 110, 50));
        assertThat(read.detectionScore).isEqualTo(0.9f);
        assertThat(read.textScore).isEqualTo(-100.5f);
        assertThat(read.cropJpeg).as("crops are only loaded when asked for").isNull();
    }

    @Test
    void partialPlatesWildcardsAndNearMisses() {
        EventStore.ensureSchema(database());
        PlateEventStatement.upsert(database(), List.of(
                event("cam-1", "O567AM76", T0, 5),
                event("cam-1", "O567AM776", T0 + 1_000, 5),
                event("cam-1", "A567AM76", T0 + 2_000, 5),
                event("cam-1", "K095AE177", T0 + 3_000, 5),
                event("cam-1", "B567AC50", T0 + 4_000, 5)));

        assertThat(plates(EventStore.query(database(), plate("567AM"))))
                .containsExactly("O567AM76", "O567AM776", "A567AM76");
        assertThat(plates(EventStore.query(database(), plate("*567AM*"))))
                .containsExactly("O567AM76", "O567AM776", "A567AM76");
        assertThat(plates(EventStore.query(database(), plate("*AM76")))).containsExactly("O567AM76", "A567AM76");
        assertThat(plates(EventStore.query(database(), plate("O???AM76")))).containsExactly("O567AM76");
        assertThat(plates(EventStore.query(database(), plate("о567ам")))).as("Cyrillic, lower case")
                .containsExactly("O567AM76", "O567AM776");
        assertThat(plates(EventStore.query(database(), new EventQuery(null, null, null, null, 10, false, "O567AM76"))))
                .containsExactly("O567AM76", "O567AM776", "A567AM76");
        assertThat(plates(EventStore.query(database(), new EventQuery(null, null, null, null, 1, false, "O567AM76"))))
                .as("the newest within the limit").containsExactly("A567AM76");
    }

    @Test
    void confidenceAndRunnerUpsAreStoredAndOldTablesGainTheirColumns() throws SQLException {
        try (Connection c = database().connect(); java.sql.Statement st = c.createStatement()) {
            // The table as the first release made it.
            st.execute("CREATE TABLE plate_events (event_id TEXT PRIMARY KEY, camera_id TEXT NOT NULL, "
                    + "plate_text TEXT NOT NULL, first_seen " + database().dialect().timeType + " NOT NULL, last_seen "
                    + database().dialect().timeType + " NOT NULL, frames INTEGER NOT NULL, votes INTEGER NOT NULL, "
                    + "detection_score REAL, text_score REAL, box_x1 REAL, box_y1 REAL, box_x2 REAL, box_y2 REAL, "
                    + "crop_jpeg " + database().dialect().blobType + ")");
        }
        EventStore.ensureSchema(database());
        PlateEvent e = event("cam-1", "B840CK197", T0, 12);
        e.confidence = 0.93f;
        e.runnerUps = new String[] {"B840OK197", "B840CK19"};
        e.runnerUpVotes = new int[] {3, 1};
        e.revision = 3;
        e.isFinal = true;
        PlateEventStatement.upsert(database(), List.of(e));

        PlateEvent row = EventStore.query(database(), all(false)).get(0);
        assertThat(row.confidence).isEqualTo(0.93f);
        assertThat(row.runnerUps).containsExactly("B840OK197", "B840CK19");
        assertThat(row.runnerUpVotes).containsExactly(3, 1);
        assertThat(row.revision).isEqualTo(3);
        assertThat(row.isFinal).isTrue();
    }

    /** The event's revision and final flag: a later revision updates the row; a table from before gains them. */
    @Test
    void revisionAndFinalAreStoredAndTablesFromBeforeGainTheColumns() throws SQLException {
        try (Connection c = database().connect(); java.sql.Statement st = c.createStatement()) {
            // The table as the release before revisions made it, with a row.
            st.execute("CREATE TABLE plate_events (event_id TEXT PRIMARY KEY, camera_id TEXT NOT NULL, "
                    + "plate_text TEXT NOT NULL, first_seen " + database().dialect().timeType + " NOT NULL, last_seen "
                    + database().dialect().timeType + " NOT NULL, frames INTEGER NOT NULL, votes INTEGER NOT NULL, "
                    + "detection_score REAL, text_score REAL, box_x1 REAL, box_y1 REAL, box_x2 REAL, box_y2 REAL, "
                    + "crop_jpeg " + database().dialect().blobType + ", confidence REAL, runner_ups TEXT, offset_ms BIGINT)");
        }
        PlateEvent old = event("cam-1", "A123BC77", T0 - 60_000, 4);
        try (Connection c = database().connect();
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO plate_events (event_id, camera_id, "
                        + "plate_text, first_seen, last_seen, frames, votes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, old.eventId);
            ps.setString(2, old.cameraId);
            ps.setString(3, old.plateText);
            database().dialect().bindTime(ps, 4, old.firstSeen);
            database().dialect().bindTime(ps, 5, old.lastSeen);
            ps.setInt(6, old.frames);
            ps.setInt(7, old.votes);
            ps.executeUpdate();
        }
        EventStore.ensureSchema(database());
        EventStore.ensureSchema(database()); // twice: the columns are added once

        PlateEvent first = event("cam-1", "B840CK197", T0, 5);
        first.revision = 1;
        PlateEventStatement.upsert(database(), List.of(first));
        PlateEvent last = event("cam-1", "B840CK197", T0, 9);
        last.revision = 2;
        last.isFinal = true;
        PlateEventStatement.upsert(database(), List.of(last));

        List<PlateEvent> rows = EventStore.query(database(), all(false));
        assertThat(rows).extracting(e -> e.plateText + ":" + e.frames + ":" + e.revision + ":" + e.isFinal)
                .as("a row from before reads as revision 0, not final").containsExactly("A123BC77:4:0:false",
                        "B840CK197:9:2:true");
    }

    /**
     * A database the code before versioned migrations made (today's columns, added by ALTER TABLE, and its
     * indexes, no version table) is taken as it is: its rows stay, every version is recorded once.
     */
    @Test
    void aTableFromBeforeVersionsMigratesAndRecordsEachVersionOnce() throws SQLException {
        String time = database().dialect().timeType;
        try (Connection c = database().connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE plate_events (event_id TEXT PRIMARY KEY, camera_id TEXT NOT NULL, "
                    + "plate_text TEXT NOT NULL, first_seen " + time + " NOT NULL, last_seen " + time + " NOT NULL, "
                    + "frames INTEGER NOT NULL, votes INTEGER NOT NULL, detection_score REAL, text_score REAL, "
                    + "box_x1 REAL, box_y1 REAL, box_x2 REAL, box_y2 REAL, crop_jpeg " + database().dialect().blobType
                    + ", confidence REAL, runner_ups TEXT, offset_ms BIGINT, revision INTEGER, is_final BOOLEAN)");
            st.execute("CREATE INDEX plate_events_plate_text ON plate_events (plate_text)");
        }
        PlateEvent old = event("cam-1", "A123BC77", T0, 4);
        old.runnerUps = new String[] {"A123BC71"};
        old.runnerUpVotes = new int[] {2};
        PlateEventStatement.upsert(database(), List.of(old));

        EventStore.ensureSchema(database());
        EventStore.ensureSchema(database());

        assertThat(versions()).containsExactly(1, 2, 3);
        assertThat(indexes()).contains("plate_events_camera_first_seen", "plate_events_first_seen");
        PlateEvent row = EventStore.query(database(), all(false)).get(0);
        assertThat(row.plateText).isEqualTo("A123BC77");
        assertThat(row.runnerUps).containsExactly("A123BC71");
    }

    @Test
    void aDatabaseFromANewerLprIsRefusedNotChanged() throws SQLException {
        EventStore.ensureSchema(database());
        try (Connection c = database().connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + io.lpr.db.Migrations.VERSIONS + " (schema_name, version, description, applied_at) "
                    + "VALUES ('plate_events', 99, 'from the future', 'now')");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventStore.ensureSchema(database()))
                .hasMessageContaining("plate_events is at schema version 99 but this lpr knows versions up to 3");
    }

    /** One malformed stored value is named; the row, and every other row, is still read and printed. */
    @Test
    void aMalformedValueIsNamedAndTheRestOfTheRowIsRead() throws SQLException {
        EventStore.ensureSchema(database());
        PlateEvent e = event("cam-1", "B840CK197", T0, 5);
        PlateEventStatement.upsert(database(), List.of(e, event("cam-1", "A123BC77", T0 + 1_000, 3)));
        try (Connection c = database().connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "UPDATE plate_events SET runner_ups = ?, camera_id = ? WHERE event_id = ?")) {
            ps.setString(1, "B840OK197:3,B840CK19");
            ps.setString(2, "cam-1\u001b]0;owned\u0007\n");
            ps.setString(3, e.eventId);
            ps.executeUpdate();
        }
        List<StoredEvent> rows = EventStore.read(database(), all(false));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).event().runnerUps).containsExactly("B840OK197");
        assertThat(rows.get(0).unreadable()).containsExactly("runner_ups: 'B840CK19' is not TEXT:VOTES");
        assertThat(rows.get(1).unreadable()).isEmpty();
        assertThat(EventStore.find(database(), e.eventId, true)).get().extracting(p -> p.plateText).isEqualTo("B840CK197");

        java.io.StringWriter table = new java.io.StringWriter();
        EventFormat.print(rows, EventFormat.Kind.table, new java.io.PrintWriter(table));
        assertThat(table.toString()).doesNotContain("\u001b", "\u0007").hasLineCount(2)
                .contains("cam-1\\x1b]0;owned\\x07\\n", "also=B840OK197 (3)", "unreadable: runner_ups: 'B840CK19'");
    }

    private List<Integer> versions() throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = database().connect(); java.sql.Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM " + io.lpr.db.Migrations.VERSIONS
                        + " WHERE schema_name = 'plate_events' ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static EventQuery plate(String plate) {
        return new EventQuery(null, plate, null, null, 10, false);
    }

    @Test
    void flinkJobWritesEventsAndAReplayUpdatesTheSameRows() throws Exception {
        Random random = new Random(7);
        List<PlateEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PlateEvent e = event("cam-" + (i % 2), i % 2 == 0 ? "B840CK197" : "A123BC77", T0 + i * 10_000L, i + 1);
            e.cropJpeg = new byte[2_000 + i];
            random.nextBytes(e.cropJpeg);
            events.add(e);
        }

        runJob(events);
        assertThat(EventStore.count(database())).isEqualTo(5);
        List<PlateEvent> rows = EventStore.query(database(), all(true));
        for (int i = 0; i < 5; i++) {
            PlateEvent expected = events.get(i);
            PlateEvent row = rows.get(i);
            assertThat(row.eventId).isEqualTo(expected.eventId);
            assertThat(row.plateText).isEqualTo(expected.plateText);
            assertThat(row.cameraId).isEqualTo(expected.cameraId);
            assertThat(row.frames).isEqualTo(expected.frames);
            assertThat(row.cropJpeg).isEqualTo(expected.cropJpeg);
        }

        events.forEach(e -> e.frames += 100);
        runJob(events);
        assertThat(EventStore.count(database())).isEqualTo(5);
        assertThat(EventStore.query(database(), all(false))).extracting(e -> e.frames)
                .containsExactly(101, 102, 103, 104, 105);
    }

    /** No ensureSchema call first: the sink creates the table itself, and flushes everything at end of input. */
    void runJob(List<PlateEvent> events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(events).sinkTo(PlateEventSinks.jdbc(database(), 2, 0));
        env.execute("plate events -> " + database());
    }

    @Test
    void pagesSkipTheNewestAndOneEventIsFoundById() {
        EventStore.ensureSchema(database());
        PlateEvent withCrop = event("cam-1", "B840CK197", T0, 5);
        withCrop.cropJpeg = new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2};
        PlateEventStatement.upsert(database(), List.of(withCrop, event("cam-1", "A123BC77", T0 + 60_000, 3),
                event("cam-2", "K095AE177", T0 + 120_000, 4)));

        assertThat(plates(EventStore.query(database(), new EventQuery(null, null, null, null, 2, false, 1))))
                .containsExactly("B840CK197", "A123BC77");
        assertThat(EventStore.query(database(), new EventQuery(null, null, null, null, 2, false, 3))).isEmpty();

        PlateEvent found = EventStore.find(database(), withCrop.eventId, true).orElseThrow();
        assertThat(found.plateText).isEqualTo("B840CK197");
        assertThat(found.cropJpeg).containsExactly(withCrop.cropJpeg);
        assertThat(EventStore.find(database(), withCrop.eventId, false).orElseThrow().cropJpeg).isNull();
        assertThat(EventStore.find(database(), "no-such-event", true)).isEmpty();
    }

    /**
     * Keyset pages: older than a key, or the ones just newer than it, both oldest first; events sharing a first_seen
     * are told apart by id. The count is the whole filter's, whatever the page.
     */
    @Test
    void pagesFromAKeyAndCountsTheWholeFilter() {
        EventStore.ensureSchema(database());
        PlateEvent twin = event("cam-2", "A123BC78", T0 + 60_000, 3);
        PlateEventStatement.upsert(database(), List.of(event("cam-1", "B840CK197", T0, 5),
                event("cam-1", "A123BC77", T0 + 60_000, 3), twin, event("cam-2", "K095AE177", T0 + 120_000, 4)));
        List<StoredEvent> newest = EventStore.read(database(), new EventQuery(null, null, null, null, 2, false));
        EventKey oldestShown = EventKey.of(newest.get(0));
        EventQuery page = all(false).page(10, 0, oldestShown, null);
        List<String> older = plates(EventStore.query(database(), page));
        assertThat(older).hasSize(2).contains("B840CK197").doesNotContain(newest.get(0).event().plateText);
        assertThat(plates(EventStore.query(database(), all(false).page(1, 0, null, oldestShown))))
                .containsExactly("K095AE177");
        assertThat(plates(EventStore.query(database(), all(false).page(10, 0, null, EventKey.of(
                new StoredEvent(event("cam-1", "B840CK197", T0, 5), List.of())))))).hasSize(3).endsWith("K095AE177");

        assertThat(EventStore.count(database(), page)).isEqualTo(4);
        assertThat(EventStore.count(database(), new EventQuery("cam-2", null, null, null, 1, false))).isEqualTo(2);
        assertThat(EventStore.count(database(), new EventQuery(null, null, null, null, 1, false, "A123BC7"))).isEqualTo(2);
        assertThat(EventKey.parse(oldestShown.toString())).isEqualTo(oldestShown);
    }

    public static PlateEvent event(String camera, String plate, long firstSeen, int frames) {
        PlateEvent e = new PlateEvent();
        e.cameraId = camera;
        e.plateText = plate;
        e.firstSeen = firstSeen;
        e.lastSeen = firstSeen + 2_400;
        e.eventId = EventIds.of(camera, firstSeen, 0);
        e.frames = frames;
        e.votes = frames - 1;
        e.detectionScore = 0.9f;
        e.textScore = -100.5f;
        e.box = new Box(10, 20, 110, 50);
        return e;
    }

    static EventQuery all(boolean withCrops) {
        return new EventQuery(null, null, null, null, 1_000, withCrops);
    }

    private static List<String> plates(List<PlateEvent> events) {
        return events.stream().map(e -> e.plateText).toList();
    }

    private List<String> indexes() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = database().connect();
                ResultSet rs = c.getMetaData().getIndexInfo(null, null, PlateEventsTable.TABLE, false, false)) {
            while (rs.next()) {
                names.add(rs.getString("INDEX_NAME"));
            }
        }
        return names;
    }
}
