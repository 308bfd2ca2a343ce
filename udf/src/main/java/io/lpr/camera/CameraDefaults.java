package io.lpr.camera;

import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Job-wide camera settings, for whatever a camera's own entry (a --camera flag, a line of the cameras
 * file or a row of the cameras table) leaves unsaid.
 */
public record CameraDefaults(double sampleFps, int width, int height, CameraSpec.Transport transport,
        long timeoutMillis, Reconnect reconnect) implements Serializable {

    /** CameraSpec's own defaults: every frame, 1920x1080, TCP, 5 s timeout, default backoff. */
    public static final CameraDefaults NONE = new CameraDefaults(0, CameraSpec.DEFAULT_WIDTH,
            CameraSpec.DEFAULT_HEIGHT, CameraSpec.Transport.TCP, CameraSpec.DEFAULT_TIMEOUT_MILLIS, Reconnect.DEFAULT);

    /** The {@code lpr.camera.*} settings ({@link CameraOptions}), checked. */
    public static CameraDefaults from(ReadableConfig c) {
        double sampleFps = c.get(CameraOptions.SAMPLE_FPS);
        int width = c.get(CameraOptions.FRAME_WIDTH);
        int height = c.get(CameraOptions.FRAME_HEIGHT);
        if (!(sampleFps >= 0)) {
            throw new IllegalArgumentException("lpr.camera.sample-fps must be >= 0, got " + sampleFps);
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("lpr.camera.frame-width and -height must both be positive, or both 0 to"
                    + " keep the source size");
        }
        Reconnect reconnect;
        try {
            reconnect = new Reconnect(c.get(CameraOptions.RECONNECT_INITIAL_DELAY),
                    c.get(CameraOptions.RECONNECT_MAX_DELAY), c.get(CameraOptions.RECONNECT_MULTIPLIER));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lpr.camera.reconnect.*: " + e.getMessage(), e);
        }
        return new CameraDefaults(sampleFps, width, height, c.get(CameraOptions.TRANSPORT),
                c.get(CameraOptions.TIMEOUT).toMillis(), reconnect);
    }

    /**
     * A camera with the given settings where it has its own, the defaults elsewhere; {@code null} means
     * "not given" for each setting.
     */
    public CameraSpec apply(CameraSpec camera, Double fps, Integer cameraWidth, Integer cameraHeight,
            CameraSpec.Transport cameraTransport) {
        CameraSpec spec = camera.withSampleFps(fps != null ? fps : sampleFps)
                .withSize(cameraWidth != null ? cameraWidth : width, cameraHeight != null ? cameraHeight : height);
        if (!spec.isFile()) {
            spec = spec.withTimeoutMillis(timeoutMillis).withReconnect(reconnect);
        }
        if (cameraTransport != null) {
            return spec.withTransport(cameraTransport);
        }
        // The job-wide transport is for the RTSP cameras among all kinds; a camera's own must fit it.
        return spec.isRtsp() ? spec.withTransport(transport) : spec;
    }
}
