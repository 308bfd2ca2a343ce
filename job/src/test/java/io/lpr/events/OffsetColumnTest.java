package io.lpr.events;

import io.lpr.sink.PlateEventStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offset_ms}, the position of a passage in its video file: stored, read back, added to older tables. */
class OffsetColumnTest {
    @TempDir
    Path dir;

    @Test
    void aTableFromBeforeTheColumnGetsItAndKeepsItsRows() throws Exception {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("old.db"), null, null);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE plate_events (event_id TEXT PRIMARY KEY, camera_id TEXT NOT NULL, plate_text TEXT "
                    + "NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, frames INTEGER NOT NULL, votes INTEGER "
                    + "NOT NULL, detection_score REAL, text_score REAL, box_x1 REAL, box_y1 REAL, box_x2 REAL, box_y2 REAL, "
                    + "crop_jpeg BLOB)");
            st.execute("INSERT INTO plate_events (event_id, camera_id, plate_text, first_seen, last_seen, frames, votes) "
                    + "VALUES ('old', 'gate', 'A001AA77', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:01.000Z', 2, 2)");
        }
        EventStore.ensureSchema(db);
        EventStore.ensureSchema(db); // twice: the column is added once

        PlateEvent file = event("file", 12_400L);
        PlateEvent live = event("live", null);
        PlateEventStatement.upsert(db, List.of(file, live));

        List<PlateEvent> events = EventStore.query(db, EventQuery.latest());
        assertThat(events).extracting(e -> e.eventId).containsExactlyInAnyOrder("old", "file", "live");
        assertThat(events).filteredOn(e -> e.eventId.equals("file")).singleElement()
                .satisfies(e -> assertThat(e.offsetMs).isEqualTo(12_400L));
        assertThat(events).filteredOn(e -> !e.eventId.equals("file")).allSatisfy(e -> assertThat(e.offsetMs).isNull());
    }

    private static PlateEvent event(String id, Long offsetMs) {
        PlateEvent e = new PlateEvent();
        e.eventId = id;
        e.cameraId = "gate";
        e.plateText = "B840CK197";
        e.firstSeen = 1_764_576_000_000L;
        e.lastSeen = e.firstSeen + 1_000;
        e.frames = 2;
        e.votes = 2;
        e.offsetMs = offsetMs;
        return e;
    }
}
