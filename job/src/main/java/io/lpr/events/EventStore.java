package io.lpr.events;

import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.db.SqlDialect;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import io.lpr.plate.PlateMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
            createSchema(connection, db.dialect());
            if (db.isSqlite()) {
                requireWritable(connection, db);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot create table " + PlateEventsTable.TABLE + " in " + db.maskedUrl() + ": "
                    + Database.firstLine(e), e);
        }
    }

    /**
     * A SQLite file the job cannot write (read-only file or folder, read-only mount, opened read-only) is
     * refused at start: creating the table succeeds when it already exists, and the first events would fail.
     */
    private static void requireWritable(Connection connection, Database db) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE lpr_write_check (x INTEGER)");
        } catch (SQLException e) {
            throw new DatabaseException("cannot write to " + db.maskedUrl() + ": " + Database.firstLine(e), e);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    public static void createSchema(Connection connection, SqlDialect dialect) throws SQLException {
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
            addMissingColumns(connection, st);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A table made by an earlier version lacks the columns added since: add them, keeping its rows. */
    private static void addMissingColumns(Connection connection, Statement st) throws SQLException {
        Set<String> present = new HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + PlateEventsTable.TABLE + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                present.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        for (List<String> column : PlateEventsTable.ADDED_COLUMNS) {
            if (!present.contains(column.get(0))) {
                st.execute("ALTER TABLE " + PlateEventsTable.TABLE + " ADD COLUMN " + column.get(0) + " " + column.get(1));
            }
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
            // % keeps its SQL meaning; otherwise the plate is partial or a */? pattern (PlateMatch's rules).
            String like = query.plateText().contains("%") ? query.plateText() : PlateMatch.sqlLike(query.plateText());
            sql.append(" AND plate_text LIKE ? ESCAPE '\\'");
            params.add((ps, i) -> ps.setString(i, like));
        }
        if (query.near() != null) {
            // Within one edit the length differs by at most one; the edit distance itself is checked below.
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
        sql.append(" ORDER BY first_seen DESC, event_id DESC");
        if (query.near() == null) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add((ps, i) -> ps.setInt(i, query.limit()));
            params.add((ps, i) -> ps.setInt(i, query.offset()));
        }

        try (Connection connection = db.open(); PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).bind(ps, i + 1);
            }
            List<PlateEvent> events = new ArrayList<>();
            // Near misses are matched here, so their page is skipped here too; other queries page in SQL.
            int skip = query.near() == null ? 0 : query.offset();
            try (ResultSet rs = ps.executeQuery()) {
                while (events.size() < query.limit() && rs.next()) {
                    PlateEvent e = read(rs, dialect, query.withCrops());
                    if (query.near() != null
                            && PlateMatch.editDistance(e.plateText, PlateMatch.normalize(query.near())) > EventQuery.NEAR_EDITS) {
                        continue;
                    }
                    if (skip > 0) {
                        skip--;
                    } else {
                        events.add(e);
                    }
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
        e.confidence = rs.getFloat("confidence");
        PlateEventsTable.readRunnerUps(rs.getString("runner_ups"), e);
        long offset = rs.getLong("offset_ms");
        if (!rs.wasNull()) {
            e.offsetMs = offset;
        }
        // 0 and not final in a row written before revisions were stored.
        e.revision = rs.getInt("revision");
        e.isFinal = rs.getBoolean("is_final");
        return e;
    }

    @FunctionalInterface
    private interface Param {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }
}
