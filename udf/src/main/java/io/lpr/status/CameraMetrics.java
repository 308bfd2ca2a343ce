package io.lpr.status;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * Per-camera metrics, registered under the metric group {@code camera -> <id>} (the id is the
 * only label: URLs never reach a metric). A live camera is decoded on one thread and converted on
 * another, so the counters are thread-safe.
 *
 * <ul>
 *   <li>{@code framesDecoded}, {@code framesAnalysed}, {@code framesDropped} (live frames
 *       replaced by newer ones before downstream took them), {@code decodeErrors},
 *       {@code reconnects}: counters;
 *   <li>{@code state}: gauge, {@link CameraState#code()} (0 connecting, 1 connected, 2 backoff,
 *       3 failed, 4 finished);
 *   <li>{@code lagMillis}: gauge, how far behind real time the last frame handed on was: the time
 *       it was handed on minus its event time.
 * </ul>
 */
public final class CameraMetrics {
    private final Counter framesDecoded;
    private final Counter framesAnalysed;
    private final Counter framesDropped;
    private final Counter decodeErrors;
    private final Counter reconnects;
    private volatile CameraState state = CameraState.CONNECTING;
    private volatile long lagMillis;

    private CameraMetrics(MetricGroup group) {
        framesDecoded = counter(group, "framesDecoded");
        framesAnalysed = counter(group, "framesAnalysed");
        framesDropped = counter(group, "framesDropped");
        decodeErrors = counter(group, "decodeErrors");
        reconnects = counter(group, "reconnects");
        if (group != null) {
            group.gauge("state", (Gauge<Integer>) () -> state.code());
            group.gauge("lagMillis", (Gauge<Long>) () -> lagMillis);
        }
    }

    private static Counter counter(MetricGroup group, String name) {
        return group == null ? new ThreadSafeSimpleCounter() : group.counter(name, new ThreadSafeSimpleCounter());
    }

    /** Registers a camera's metrics; register each camera once per reader (see {@code CameraSourceReader}). */
    public static CameraMetrics register(MetricGroup parent, String cameraId) {
        return new CameraMetrics(parent.addGroup("camera", cameraId));
    }

    /** Metrics that are not reported anywhere, for decoding outside a Flink job. */
    public static CameraMetrics unregistered() {
        return new CameraMetrics(null);
    }

    public void frameDecoded() {
        framesDecoded.inc();
    }

    public void frameAnalysed() {
        framesAnalysed.inc();
    }

    public void frameDropped() {
        framesDropped.inc();
    }

    public void decodeError() {
        decodeErrors.inc();
    }

    public void reconnected() {
        reconnects.inc();
    }

    public void state(CameraState newState) {
        state = newState;
    }

    /** A frame with this event time is handed on now. */
    public void handedOn(long eventTime) {
        lagMillis = System.currentTimeMillis() - eventTime;
    }

    /** Source frames decoded, including those sampling skipped. */
    public long framesDecoded() {
        return framesDecoded.getCount();
    }

    /** Frames handed on for analysis. */
    public long framesAnalysed() {
        return framesAnalysed.getCount();
    }

    /** Live frames replaced by a newer one before downstream took them. */
    public long framesDropped() {
        return framesDropped.getCount();
    }

    /** Frames that could not be decoded or converted and were skipped. */
    public long decodeErrors() {
        return decodeErrors.getCount();
    }

    /** Times a live stream was opened again after it failed or dropped. */
    public long reconnects() {
        return reconnects.getCount();
    }

    public CameraState state() {
        return state;
    }

    public long lagMillis() {
        return lagMillis;
    }
}
