package io.lpr.source.split;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator to reader: stop reading one camera, because it was disabled, removed from the
 * registry, or changed (the enumerator starts it again with its new spec once this one is done).
 *
 * <p>Contract for {@code CameraSourceReader#handleSourceEvents}:
 * <ul>
 *   <li>When the reader reads camera {@link #cameraId()}: that camera's split reader returns the
 *       split as finished on its next fetch (woken up at once, also when it is paused, waiting for
 *       its next real-time frame, or in reconnect backoff) and closes its stream. The split must
 *       leave {@code SourceReaderBase}'s state through that finish, so it is neither in the next
 *       checkpoint nor read again; frames already emitted stay emitted.
 *   <li>{@code onSplitFinished} then sends {@code CameraStatusEvent} with state FINISHED for the
 *       camera, as for any finished split. Only after that event does the enumerator hand out a
 *       split with the same id again, so the reader never holds two splits of one camera.
 *   <li>When the reader does not read that camera (it ended already), it answers with a FINISHED
 *       {@code CameraStatusEvent} right away, so the enumerator is never left waiting.
 * </ul>
 */
public final class StopCameraEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final String cameraId;

    public StopCameraEvent(String cameraId) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
    }

    public String cameraId() {
        return cameraId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StopCameraEvent && cameraId.equals(((StopCameraEvent) o).cameraId);
    }

    @Override
    public int hashCode() {
        return cameraId.hashCode();
    }

    @Override
    public String toString() {
        return "StopCameraEvent{" + cameraId + "}";
    }
}
