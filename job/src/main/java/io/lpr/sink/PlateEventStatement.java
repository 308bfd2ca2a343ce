package io.lpr.sink;

import io.lpr.util.Messages;
import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.events.PlateEventsTable;
import io.lpr.events.PlateSnapshotsTable;
import io.lpr.events.RunnerUps;
import io.lpr.db.SqlDialect;
import io.lpr.track.EventIds;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;

/**
 * Upserts {@link PlateEvent}s with {@link PlateEventsTable#upsert()}, their fields bound in
 * {@link PlateEventsTable#COLUMNS} order: the one write path of the sink and of {@link #upsert}.
 */
public final class PlateEventStatement {
    private final SqlDialect dialect;

    PlateEventStatement(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Inserts or replaces the events (by event id) in one transaction, outside Flink. */
    public static void upsert(Database db, Collection<PlateEvent> events) {
        try (Connection connection = db.open()) {
            connection.setAutoCommit(false);
            new PlateEventStatement(db.dialect()).executeBatch(connection, events);
            connection.commit();
        } catch (SQLException e) {
            throw new DatabaseException("cannot write plate events to " + db.maskedUrl() + ": "
                    + Messages.firstLine(e), e);
        }
    }

    /** Upserts the events as one batch on {@code connection}; committing is the caller's. */
    void executeBatch(Connection connection, Collection<PlateEvent> events) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PlateEventsTable.upsert())) {
            for (PlateEvent event : events) {
                bind(ps, event);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // In the same transaction, by the same id: an event and its snapshot are written together or not at all.
        List<PlateEvent> pictured = events.stream().filter(e -> e.snapshot != null && e.snapshot.jpeg != null).toList();
        if (!pictured.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(PlateSnapshotsTable.UPSERT)) {
                for (PlateEvent event : pictured) {
                    PlateSnapshotsTable.bind(ps, id(event), event.snapshot);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static String id(PlateEvent e) {
        return e.eventId != null ? e.eventId : EventIds.of(e.cameraId, e.firstSeen, 0);
    }

    private void bind(PreparedStatement ps, PlateEvent e) throws SQLException {
        ps.setString(1, id(e));
        ps.setString(2, e.cameraId);
        ps.setString(3, e.plateText);
        dialect.bindTime(ps, 4, e.firstSeen);
        dialect.bindTime(ps, 5, e.lastSeen);
        ps.setInt(6, e.frames);
        ps.setInt(7, e.votes);
        ps.setFloat(8, e.detectionScore);
        ps.setFloat(9, e.textScore);
        Box box = e.box;
        float[] coords = box == null ? null : new float[] {box.x1, box.y1, box.x2, box.y2};
        for (int i = 0; i < 4; i++) {
            if (coords == null) {
                ps.setNull(10 + i, Types.REAL);
            } else {
                ps.setFloat(10 + i, coords[i]);
            }
        }
        if (e.cropJpeg == null) {
            ps.setNull(14, Types.BINARY);
        } else {
            ps.setBytes(14, e.cropJpeg);
        }
        ps.setFloat(15, e.confidence);
        String runnerUps = RunnerUps.format(e);
        if (runnerUps == null) {
            ps.setNull(16, Types.VARCHAR);
        } else {
            ps.setString(16, runnerUps);
        }
        if (e.offsetMs == null) {
            ps.setNull(17, Types.BIGINT);
        } else {
            ps.setLong(17, e.offsetMs);
        }
        ps.setInt(18, e.revision);
        ps.setBoolean(19, e.isFinal);
    }
}
