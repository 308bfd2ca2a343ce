package io.lpr.web;

import io.lpr.util.Messages;
import io.javalin.http.Context;
import io.lpr.registry.CameraRow;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.registry.CameraTable;
import io.lpr.db.Database;
import io.lpr.db.DatabaseException;
import io.lpr.camera.StreamUrls;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/cameras}: each camera's state from {@code camera_status}, with its URL (credentials masked)
 * when the {@code cameras} table knows it. A database the job has not yet written either table to has no
 * cameras; that is not an error.
 */
final class CamerasApi {
    private final Database db;

    CamerasApi(Database db) {
        this.db = db;
    }

    /**
     * One camera; {@code url} is null for a camera given on the job's command line; {@code stale} when its row has
     * not been written for {@link CameraStatus#STALE_AFTER_MILLIS} though the camera was still running: the job
     * has stopped, and {@code state} is only the last one it wrote.
     */
    record CameraJson(String id, String state, String reason, String since, long framesAnalysed, long reconnects,
            String updatedAt, String url, boolean stale) {}

    record Cameras(List<CameraJson> cameras) {}

    void list(Context ctx) {
        ctx.json(new Cameras(cameras()));
    }

    List<CameraJson> cameras() {
        if (!hasTable(CameraStatusTable.NAME)) {
            return List.of();
        }
        Map<String, String> urls = new HashMap<>();
        if (hasTable(CameraTable.NAME)) {
            // Read tolerantly: a row with a malformed setting still has its URL shown.
            for (CameraRow row : new CameraTable(db).rows()) {
                if (row.id() != null && row.url() != null) {
                    urls.put(row.id(), StreamUrls.mask(row.url()));
                }
            }
        }
        long now = System.currentTimeMillis();
        return new CameraStatusTable(db).list().stream().map(s -> json(s, urls.get(s.cameraId()), now)).toList();
    }

    private static CameraJson json(CameraStatus s, String url, long nowMillis) {
        return new CameraJson(s.cameraId(), s.state(), s.reason(), Instant.ofEpochMilli(s.sinceMillis()).toString(),
                s.framesAnalysed(), s.reconnects(), Instant.ofEpochMilli(s.updatedMillis()).toString(), url,
                s.stale(nowMillis));
    }

    /** Asked of the catalogue, so a read-only connection never tries to create the table. */
    private boolean hasTable(String name) {
        db.requireExisting();
        try (Connection connection = db.open()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getTables(null, null, candidate, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + db.maskedUrl() + ": " + Database.mask(Messages.firstLine(e)), e);
        }
    }
}
