package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.db.SqlDialect;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code plate_events} table outside Flink: schema creation, direct upserts and the reader behind
 * {@code lpr query}. Every failure is a {@link DatabaseException} with a one-line message.
 */
public final class EventStore {
    private EventStore() {}

    /** Creates the table and its indexes when absent; safe to call any number of times, also concurrently. */
    public static void ensureSchema(Database db) {
        db.requireCreatable();
        try (Connection connection = db.open()) {
            createSchema(connection, db.dialect());
        } catch (SQLException e) {
            throw new DatabaseException("cannot create table " + PlateEventsTable.TABLE + " in " + db.maskedUrl() + ": "
                    + Database.firstLine(e), e);
        }
    }

    static void createSchema(Connection connection, SqlDialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            if (dialect == SqlDialect.POSTGRES) {
                // Parallel sink subtasks race on CREATE ... IF NOT EXISTS (a duplicate-key error on the catalog),
                // so they take turns; the lock ends with the transaction.
                st.execute("SELECT pg_advisory_xact_lock(hashtext('lpr." + PlateEventsTable.TABLE + "'))");
            }
            for (String sql : PlateEventsTable.schema(dialect)) {
                st.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Inserts or replaces the events (by event id) in one transaction. */
    public static void upsert(Database db, Collection<PlateEvent> events) {
        PlateEventStatement binder = new PlateEventStatement(db.dialect());
        try (Connection connection = db.open();
                PreparedStatement ps = connection.prepareStatement(PlateEventsTable.upsert())) {
            connection.setAutoCommit(false);
            for (PlateEvent event : events) {
                binder.accept(ps, event);
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new DatabaseException("cannot write plate events to " + db.maskedUrl() + ": "
                    + Database.firstLine(e), e);
        }
    }

    public static long count(Database db) {
        db.requireExisting();
        try (Connection connection = db.open();
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + PlateEventsTable.TABLE)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + db.maskedUrl() + ": " + Database.firstLine(e), e);
        }
    }

    /** The newest {@code query.limit()} matching events, returned oldest first. */
    public static List<PlateEvent> query(Database db, EventQuery query) {
        db.requireExisting();
        SqlDialect dialect = db.dialect();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns(query.withCrops()))
                .append(" FROM ").append(PlateEventsTable.TABLE).append(" WHERE 1 = 1");
        List<Param> params = new ArrayList<>();
        if (query.cameraId() != null) {
            sql.append(" AND camera_id = ?");
            params.add((ps, i) -> ps.setString(i, query.cameraId()));
        }
        if (query.plateText() != null) {
            sql.append(query.plateText().contains("%") ? " AND plate_text LIKE ?" : " AND plate_text = ?");
            params.add((ps, i) -> ps.setString(i, query.plateText()));
        }
        if (query.since() != null) {
            sql.append(" AND first_seen >= ?");
            params.add((ps, i) -> dialect.bindTime(ps, i, query.since().toEpochMilli()));
        }
        if (query.until() != null) {
            sql.append(" AND first_seen < ?");
            params.add((ps, i) -> dialect.bindTime(ps, i, query.until().toEpochMilli()));
        }
        sql.append(" ORDER BY first_seen DESC, event_id DESC LIMIT ? OFFSET ?");
        params.add((ps, i) -> ps.setInt(i, query.limit()));
        params.add((ps, i) -> ps.setInt(i, query.offset()));

        try (Connection connection = db.open(); PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).bind(ps, i + 1);
            }
            List<PlateEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs, dialect, query.withCrops()));
                }
            }
            Collections.reverse(events);
            return events;
        } catch (SQLException e) {
            throw new DatabaseException("cannot query " + db.maskedUrl() + ": " + Database.firstLine(e), e);
        }
    }

    /** The event with this id, with its crop when {@code withCrop}; empty when there is none. */
    public static Optional<PlateEvent> find(Database db, String eventId, boolean withCrop) {
        db.requireExisting();
        String sql = "SELECT " + columns(withCrop) + " FROM " + PlateEventsTable.TABLE + " WHERE event_id = ?";
        try (Connection connection = db.open(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, db.dialect(), withCrop)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot query " + db.maskedUrl() + ": " + Database.firstLine(e), e);
        }
    }

    private static String columns(boolean withCrop) {
        return String.join(", ", withCrop
                ? PlateEventsTable.COLUMNS
                : PlateEventsTable.COLUMNS.stream().filter(c -> !c.equals("crop_jpeg")).toList());
    }

    private static PlateEvent read(ResultSet rs, SqlDialect dialect, boolean withCrop) throws SQLException {
        PlateEvent e = new PlateEvent();
        e.eventId = rs.getString("event_id");
        e.cameraId = rs.getString("camera_id");
        e.plateText = rs.getString("plate_text");
        e.firstSeen = dialect.readTime(rs, "first_seen");
        e.lastSeen = dialect.readTime(rs, "last_seen");
        e.frames = rs.getInt("frames");
        e.votes = rs.getInt("votes");
        e.detectionScore = rs.getFloat("detection_score");
        e.textScore = rs.getFloat("text_score");
        float x1 = rs.getFloat("box_x1");
        if (!rs.wasNull()) {
            e.box = new Box(x1, rs.getFloat("box_y1"), rs.getFloat("box_x2"), rs.getFloat("box_y2"));
        }
        if (withCrop) {
            e.cropJpeg = rs.getBytes("crop_jpeg");
        }
        return e;
    }

    @FunctionalInterface
    private interface Param {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }
}
