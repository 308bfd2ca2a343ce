package io.lpr.sink;

import io.lpr.db.Database;
import io.lpr.events.EventStore;
import io.lpr.events.PlateEventsTable;
import io.lpr.events.PlateSnapshotsTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Deletes what {@link RetentionConfig} says has expired: events whose last sighting is older than
 * {@code events} (with their snapshots), and the crops and full-frame snapshots of events older than
 * {@code snapshots} (the row stays). Rows go in batches of
 * {@code batchRows}, each its own transaction, with {@code pause} between batches, so the sink's upserts never
 * wait behind a long delete. Running it twice deletes nothing more: each pass is idempotent.
 *
 * <p>The batches pick their rows with {@code IN (SELECT ... LIMIT n)}, which both SQLite (without
 * {@code SQLITE_ENABLE_UPDATE_DELETE_LIMIT}) and PostgreSQL (no {@code DELETE ... LIMIT}) accept. The
 * {@code first_seen} bound is implied by the {@code last_seen} one; it is there so the index on
 * {@code first_seen} narrows the search to the old rows.
 */
public final class RetentionSweeper {
    private static final String TABLE = PlateEventsTable.TABLE;
    private static final String OLD = "first_seen < ? AND last_seen < ?";
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE event_id IN (SELECT event_id FROM " + TABLE
            + " WHERE " + OLD + " LIMIT ?)";
    /** The snapshots of old events: picked through the events' time index, joined to those that have one. */
    private static final String DROP_SNAPSHOTS = "DELETE FROM " + PlateSnapshotsTable.TABLE + " WHERE event_id IN ("
            + "SELECT e.event_id FROM " + TABLE + " e JOIN " + PlateSnapshotsTable.TABLE + " s ON s.event_id = e.event_id"
            + " WHERE e.first_seen < ? AND e.last_seen < ? LIMIT ?)";
    private static final String CLEAR = "UPDATE " + TABLE + " SET crop_jpeg = NULL WHERE event_id IN (SELECT event_id FROM "
            + TABLE + " WHERE " + OLD + " AND crop_jpeg IS NOT NULL LIMIT ?)";

    private final Database db;
    private final RetentionConfig config;
    private boolean schemaReady;

    public RetentionSweeper(Database db, RetentionConfig config) {
        this.db = db;
        this.config = config;
    }

    /** What one pass removed: events, crops cleared from kept rows, and snapshots (of deleted events too). */
    public record Swept(long deletedEvents, long clearedCrops, long deletedSnapshots) {
        /** Nothing about snapshots: a database whose events have none. */
        public Swept(long deletedEvents, long clearedCrops) {
            this(deletedEvents, clearedCrops, 0);
        }
    }

    /**
     * One pass at {@code now}: every expired row, batch by batch.
     *
     * @throws SQLException the database refused a batch; the batches before it stay done
     * @throws io.lpr.db.DatabaseException the table could not be created (the first pass creates it if absent)
     * @throws InterruptedException between batches, when the sink is closing
     */
    public Swept sweep(Instant now) throws SQLException, InterruptedException {
        if (!schemaReady) {
            // The first sweep may come before the sink's first write has created the table.
            EventStore.ensureSchema(db);
            schemaReady = true;
        }
        long deleted = 0;
        long cleared = 0;
        long snapshots = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            if (config.events() != null) {
                // Snapshots first: found through their events' times, they would be out of reach once those are gone.
                long cutoff = now.minus(config.events()).toEpochMilli();
                snapshots += inBatches(c, DROP_SNAPSHOTS, cutoff);
                deleted = inBatches(c, DELETE, cutoff);
            }
            if (config.snapshots() != null) {
                long cutoff = now.minus(config.snapshots()).toEpochMilli();
                cleared = inBatches(c, CLEAR, cutoff);
                snapshots += inBatches(c, DROP_SNAPSHOTS, cutoff);
            }
        }
        return new Swept(deleted, cleared, snapshots);
    }

    private long inBatches(Connection c, String sql, long cutoffMillis) throws SQLException, InterruptedException {
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            db.dialect().bindTime(ps, 1, cutoffMillis);
            db.dialect().bindTime(ps, 2, cutoffMillis);
            ps.setInt(3, config.batchRows());
            while (true) {
                int rows;
                try {
                    rows = ps.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
                total += rows;
                if (rows < config.batchRows()) {
                    return total;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("retention sweep stopped after " + total + " rows");
                }
                Thread.sleep(config.pause().toMillis());
            }
        }
    }
}
