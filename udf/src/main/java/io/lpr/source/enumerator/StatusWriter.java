package io.lpr.source.enumerator;

import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusBoard;
import io.lpr.status.CameraStatusTable;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the cameras' changed states from the {@link CameraStatusBoard} to the {@code camera_status} table,
 * one write at a time, off the coordinator thread, and every running camera's again as a heartbeat. A failed write is logged once per reason and retried with
 * the next change; it never holds up the enumerator.
 */
final class StatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final SplitEnumeratorContext<CameraSplit> context;
    private final CameraStatusBoard statuses;
    /** Null when no database was given: nothing is written. */
    private final CameraStatusTable table;
    private boolean running;
    private String lastError;
    /** Touched on the worker thread only. */
    private volatile boolean tableCreated;

    StatusWriter(SplitEnumeratorContext<CameraSplit> context, CameraStatusBoard statuses, CameraStatusTable table) {
        this.context = context;
        this.statuses = statuses;
        this.table = table;
    }

    /**
     * Writes every running camera's row again each {@link CameraStatus#REFRESH_MILLIS} while the job runs, changed
     * or not, so a row that stops moving says the job has stopped ({@link CameraStatus#stale}).
     */
    void startHeartbeat() {
        if (table != null) {
            context.callAsync(() -> null, (ignored, error) -> {
                statuses.touch(System.currentTimeMillis());
                write();
            }, CameraStatus.REFRESH_MILLIS, CameraStatus.REFRESH_MILLIS);
        }
    }

    /** Starts writing what changed, unless a write is running (it writes the rest when done). */
    void write() {
        if (table == null || running || !statuses.hasChanges()) {
            return;
        }
        List<CameraStatus> changes = statuses.takeChanges();
        running = true;
        context.callAsync(() -> {
            if (!tableCreated) {
                table.createIfAbsent();
                tableCreated = true;
            }
            table.upsert(changes);
            return null;
        }, (ignored, error) -> {
            running = false;
            if (error != null) {
                // Written again with the next change or poll.
                statuses.markChanged(changes);
                String message = error.getMessage() != null ? error.getMessage() : error.toString();
                if (!message.equals(lastError)) {
                    LOG.warn("Camera states not written: {}", message);
                    lastError = message;
                }
                return;
            }
            lastError = null;
            write();
        });
    }
}
