package io.lpr.events;

import io.lpr.util.Messages;
import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.db.SqlDialect;
import io.lpr.event.PlateEvent;
import io.lpr.plate.PlateMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code plate_events} table outside Flink: schema creation and the reader behind {@code lpr query} and
 * {@code lpr serve} (writes are the sink's, {@code io.lpr.sink.PlateEventStatement#upsert}). Every failure is a {@link DatabaseException} with a one-line message.
 */
public final class EventStore {
    private EventStore() {}

    /** Creates the table and its indexes when absent; safe to call any number of times, also concurrently. */
    public static void ensureSchema(Database db) {
        db.requireCreatable();
        try (Connection connection = db.open()) {
            if (db.isSqlite()) {
                requireWritable(connection, db); // first: migrating a read-only file would fail less clearly
            }
            createSchema(connection, db.dialect());
        } catch (SQLException e) {
            throw new DatabaseException("cannot create table " + PlateEventsTable.TABLE + " in " + db.maskedUrl() + ": "
                    + Messages.firstLine(e), e);
        }
    }

    /**
     * A SQLite file the job cannot write (read-only file or folder, read-only mount, opened read-only) is
     * refused at start with that said: the first events would fail.
     */
    private static void requireWritable(Connection connection, Database db) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE lpr_write_check (x INTEGER)");
        } catch (SQLException e) {
            throw new DatabaseException("cannot write to " + db.maskedUrl() + ": " + Messages.firstLine(e), e);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Brings the tables to their latest versions ({@link PlateEventsTable#MIGRATIONS}, then
     * {@link PlateSnapshotsTable#MIGRATIONS}), each in one transaction.
     */
    public static void createSchema(Connection connection, SqlDialect dialect) throws SQLException {
        PlateEventsTable.MIGRATIONS.migrate(connection, dialect);
        PlateSnapshotsTable.MIGRATIONS.migrate(connection, dialect);
    }

    public static long count(Database db) {
        db.requireExisting();
        try (Connection connection = db.open();
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + PlateEventsTable.TABLE)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + db.maskedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    /** The newest {@code query.limit()} matching events, returned oldest first. */
    public static List<PlateEvent> query(Database db, EventQuery query) {
        return read(db, query).stream().map(StoredEvent::event).toList();
    }

    /**
     * As {@link #query}, each event with what of its row could not be read. With {@link EventQuery#after} they
     * are the {@code limit} events just newer than that key, also oldest first.
     */
    public static List<StoredEvent> read(Database db, EventQuery query) {
        db.requireExisting();
        SqlDialect dialect = db.dialect();
        List<Param> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns(query.withCrops()))
                .append(" FROM ").append(PlateEventsTable.TABLE).append(where(query, dialect, params));
        EventKey key = query.after() != null ? query.after() : query.before();
        if (key != null) {
            // (first_seen, event_id) beyond the key, spelt out: the list's own order, so events sharing a time page right.
            String op = query.after() != null ? ">" : "<";
            sql.append(" AND (first_seen ").append(op).append(" ? OR (first_seen = ? AND event_id ").append(op).append(" ?))");
            params.add((ps, i) -> dialect.bindTime(ps, i, key.firstSeenMillis()));
            params.add((ps, i) -> dialect.bindTime(ps, i, key.firstSeenMillis()));
            params.add((ps, i) -> ps.setString(i, key.eventId()));
        }
        String order = query.after() != null ? "ASC" : "DESC";
        sql.append(" ORDER BY first_seen ").append(order).append(", event_id ").append(order);
        if (query.near() == null) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add((ps, i) -> ps.setInt(i, query.limit()));
            params.add((ps, i) -> ps.setInt(i, query.offset()));
        }

        try (Connection connection = db.open(); PreparedStatement ps = prepare(connection, sql, params)) {
            List<StoredEvent> events = new ArrayList<>();
            // Near misses are matched here, so their page is skipped here too; other queries page in SQL.
            int skip = query.near() == null ? 0 : query.offset();
            try (ResultSet rs = ps.executeQuery()) {
                while (events.size() < query.limit() && rs.next()) {
                    // The plate alone is read first: a near-miss search passes over most rows.
                    if (!isNear(query, rs.getString("plate_text"))) {
                        continue;
                    }
                    StoredEvent e = EventRows.read(rs, dialect, query.withCrops());
                    if (skip > 0) {
                        skip--;
                    } else {
                        events.add(e);
                    }
                }
            }
            if (query.after() == null) {
                Collections.reverse(events);
            }
            return events;
        } catch (SQLException e) {
            throw new DatabaseException("cannot query " + db.maskedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    /** How many events match the query's filters, whatever its limit, offset and keys. */
    public static long count(Database db, EventQuery query) {
        db.requireExisting();
        List<Param> params = new ArrayList<>();
        String where = where(query, db.dialect(), params);
        // Near misses are matched here, so their plates are read; the rest is counted by the database.
        String sql = (query.near() == null ? "SELECT COUNT(*)" : "SELECT plate_text")
                + " FROM " + PlateEventsTable.TABLE + where;
        try (Connection connection = db.open(); PreparedStatement ps = prepare(connection, new StringBuilder(sql), params);
                ResultSet rs = ps.executeQuery()) {
            if (query.near() == null) {
                rs.next();
                return rs.getLong(1);
            }
            long count = 0;
            while (rs.next()) {
                count += isNear(query, rs.getString(1)) ? 1 : 0;
            }
            return count;
        } catch (SQLException e) {
            throw new DatabaseException("cannot count in " + db.maskedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    /** The query's filters as a WHERE clause, their values added to {@code params}. */
    private static String where(EventQuery query, SqlDialect dialect, List<Param> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (query.cameraId() != null) {
            sql.append(" AND camera_id = ?");
            params.add((ps, i) -> ps.setString(i, query.cameraId()));
        }
        if (query.plateText() != null) {
            // % keeps its SQL meaning; otherwise the plate is partial or a */? pattern (PlateMatch's rules).
            String like = query.plateText().contains("%") ? query.plateText() : PlateMatch.sqlLike(query.plateText());
            sql.append(" AND plate_text LIKE ? ESCAPE '\\'");
            params.add((ps, i) -> ps.setString(i, like));
        }
        if (query.near() != null) {
            // Within one edit the length differs by at most one; the edit distance itself is checked by isNear.
            int length = PlateMatch.normalize(query.near()).length();
            sql.append(" AND LENGTH(plate_text) BETWEEN ? AND ?");
            params.add((ps, i) -> ps.setInt(i, length - EventQuery.NEAR_EDITS));
            params.add((ps, i) -> ps.setInt(i, length + EventQuery.NEAR_EDITS));
        }
        if (query.since() != null) {
            sql.append(" AND first_seen >= ?");
            params.add((ps, i) -> dialect.bindTime(ps, i, query.since().toEpochMilli()));
        }
        if (query.until() != null) {
            sql.append(" AND first_seen < ?");
            params.add((ps, i) -> dialect.bindTime(ps, i, query.until().toEpochMilli()));
        }
        return sql.toString();
    }

    /** Whether a plate passes the query's near-miss rule ({@link PlateMatch#near}, as lpr query --near); true without one. */
    private static boolean isNear(EventQuery query, String plate) {
        return query.near() == null || PlateMatch.near(plate, query.near(), EventQuery.NEAR_EDITS);
    }

    private static PreparedStatement prepare(Connection connection, CharSequence sql, List<Param> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql.toString());
        try {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).bind(ps, i + 1);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** The event with this id, with its crop when {@code withCrop}; empty when there is none. */
    public static Optional<PlateEvent> find(Database db, String eventId, boolean withCrop) {
        return readOne(db, eventId, withCrop).map(StoredEvent::event);
    }

    /** As {@link #find}, with what of its row could not be read. */
    public static Optional<StoredEvent> readOne(Database db, String eventId, boolean withCrop) {
        db.requireExisting();
        String sql = "SELECT " + columns(withCrop) + " FROM " + PlateEventsTable.TABLE + " WHERE event_id = ?";
        try (Connection connection = db.open(); PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(EventRows.read(rs, db.dialect(), withCrop)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot query " + db.maskedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    private static String columns(boolean withCrop) {
        return String.join(", ", withCrop
                ? PlateEventsTable.COLUMNS
                : PlateEventsTable.COLUMNS.stream().filter(c -> !c.equals("crop_jpeg")).toList());
    }

    @FunctionalInterface
    private interface Param {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }
}
