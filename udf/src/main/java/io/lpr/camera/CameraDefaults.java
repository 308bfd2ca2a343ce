package io.lpr.camera;

import java.io.Serializable;

/**
 * Job-wide camera settings, for whatever a camera's own entry (a --camera flag, a line of the cameras
 * file or a row of the cameras table) leaves unsaid.
 */
public record CameraDefaults(double sampleFps, int width, int height, CameraSpec.Transport transport,
        long timeoutMillis, Reconnect reconnect) implements Serializable {

    /** CameraSpec's own defaults: every frame, 1920x1080, TCP, 5 s timeout, default backoff. */
    public static final CameraDefaults NONE = new CameraDefaults(0, CameraSpec.DEFAULT_WIDTH,
            CameraSpec.DEFAULT_HEIGHT, CameraSpec.Transport.TCP, CameraSpec.DEFAULT_TIMEOUT_MILLIS, Reconnect.DEFAULT);

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
