package io.lpr.source.reader;

import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusEvent;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.metrics.MetricGroup;

/**
 * What the cameras of one source reader report: their metrics (one group per camera id, kept
 * when a camera stops and starts again) and their changes of state, queued by decoding threads
 * for the reader's task thread to send. Thread-safe.
 */
final class CameraReports {
    /** Null: metrics are not reported anywhere. */
    private final MetricGroup metricGroup;
    private final Map<String, CameraMetrics> metrics = new ConcurrentHashMap<>();
    private final Queue<CameraStatusEvent> pending = new ConcurrentLinkedQueue<>();
    private final Map<String, String> endReasons = new ConcurrentHashMap<>();

    /** @param metricGroup the reader's metric group, or null to report metrics nowhere */
    CameraReports(MetricGroup metricGroup) {
        this.metricGroup = metricGroup;
    }

    CameraMetrics metrics(String cameraId) {
        return metrics.computeIfAbsent(cameraId, id ->
                metricGroup == null ? CameraMetrics.unregistered() : CameraMetrics.register(metricGroup, id));
    }

    /** Queues a change of state; {@code reason} may be null. */
    void changed(String cameraId, CameraState state, String reason, long sinceMillis) {
        pending.add(event(cameraId, state, reason, sinceMillis));
    }

    /** Why the camera's split is about to finish; said in the FINISHED state sent once it has. */
    void ending(String cameraId, String reason) {
        endReasons.put(cameraId, reason);
    }

    /** The next queued change, or null. */
    CameraStatusEvent poll() {
        return pending.poll();
    }

    /** The camera's split has finished: its FINISHED state, with the reason it ended for. */
    CameraStatusEvent finished(String cameraId) {
        String reason = endReasons.remove(cameraId);
        return event(cameraId, CameraState.FINISHED, reason == null ? "stopped" : reason, System.currentTimeMillis());
    }

    private CameraStatusEvent event(String cameraId, CameraState state, String reason, long sinceMillis) {
        CameraMetrics camera = metrics(cameraId);
        camera.state(state);
        return new CameraStatusEvent(
                cameraId, state, reason, sinceMillis, camera.framesAnalysed(), camera.reconnects());
    }
}
