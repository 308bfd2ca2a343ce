package io.lpr.source;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;

/**
 * Per-camera counters, registered under the metric group {@code camera -> <id>}. Each camera is
 * decoded by one thread, so plain counters suffice.
 */
public final class CameraMetrics {
    private final Counter framesDecoded;
    private final Counter framesAnalysed;
    private final Counter decodeErrors;

    private CameraMetrics(Counter framesDecoded, Counter framesAnalysed, Counter decodeErrors) {
        this.framesDecoded = framesDecoded;
        this.framesAnalysed = framesAnalysed;
        this.decodeErrors = decodeErrors;
    }

    public static CameraMetrics register(MetricGroup parent, String cameraId) {
        MetricGroup group = parent.addGroup("camera", cameraId);
        return new CameraMetrics(
                group.counter("framesDecoded"), group.counter("framesAnalysed"), group.counter("decodeErrors"));
    }

    /** Counters that are not reported anywhere, for decoding outside a Flink job. */
    public static CameraMetrics unregistered() {
        return new CameraMetrics(new SimpleCounter(), new SimpleCounter(), new SimpleCounter());
    }

    void frameDecoded() {
        framesDecoded.inc();
    }

    void frameAnalysed() {
        framesAnalysed.inc();
    }

    void decodeError() {
        decodeErrors.inc();
    }

    /** Source frames decoded, including those sampling skipped. */
    public long framesDecoded() {
        return framesDecoded.getCount();
    }

    /** Frames handed on for analysis. */
    public long framesAnalysed() {
        return framesAnalysed.getCount();
    }

    /** Frames that could not be decoded or converted and were skipped. */
    public long decodeErrors() {
        return decodeErrors.getCount();
    }
}
