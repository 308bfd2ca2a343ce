package io.lpr.camera;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Job-wide camera settings, for whatever a camera's own entry (a --camera flag, a line of the cameras
 * file or a row of the cameras table) leaves unsaid. {@link #resolve} is the one place they meet the entry.
 */
public record CameraDefaults(double sampleFps, int width, int height, CameraSpec.Transport transport,
        Duration timeout, Reconnect reconnect) implements Serializable {

    /**
     * Every frame, 1920x1080 (the reference resized every frame to it before detection), TCP, 5 s timeout, default
     * backoff: a camera's settings where nothing says more.
     */
    public static final CameraDefaults DEFAULTS = new CameraDefaults(0, 1920, 1080, CameraSpec.Transport.TCP,
            Duration.ofSeconds(5), Reconnect.DEFAULT);

    /** @throws IllegalArgumentException naming the first bad {@code lpr.camera.*} setting */
    public CameraDefaults {
        if (!(sampleFps >= 0)) {
            throw new IllegalArgumentException("lpr.camera.sample-fps must be >= 0, got " + sampleFps);
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("lpr.camera.frame-width and -height must both be positive, or both 0 to"
                    + " keep the source size");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("lpr.camera.timeout must be positive, got " + timeout);
        }
    }

    /** The {@code lpr.camera.*} settings ({@link CameraOptions}), checked. */
    public static CameraDefaults from(ReadableConfig c) {
        Reconnect reconnect;
        try {
            reconnect = new Reconnect(c.get(CameraOptions.RECONNECT_INITIAL_DELAY),
                    c.get(CameraOptions.RECONNECT_MAX_DELAY), c.get(CameraOptions.RECONNECT_MULTIPLIER));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lpr.camera.reconnect.*: " + e.getMessage(), e);
        }
        return new CameraDefaults(c.get(CameraOptions.SAMPLE_FPS), c.get(CameraOptions.FRAME_WIDTH),
                c.get(CameraOptions.FRAME_HEIGHT), c.get(CameraOptions.TRANSPORT),
                c.get(CameraOptions.TIMEOUT), reconnect);
    }

    /**
     * The camera to run: each {@link CameraField} as {@code given}, else as these settings say (see
     * {@link CameraField#description()}); a live stream's timeout and reconnect policy are the job's.
     *
     * @param given the entry's own settings; a missing or null value means "not given"
     * @throws IllegalArgumentException with a one-line reason naming the camera and the bad setting
     */
    public CameraSpec resolve(String id, String url, Map<CameraField, ?> given) {
        Map<CameraField, Object> values = new EnumMap<>(CameraField.class);
        for (CameraField field : CameraField.values()) {
            Object value = given.get(field) != null ? given.get(field) : field.fromSettings(this, url);
            if (value != null && field.inSpec()) {
                values.put(field, value);
            }
        }
        boolean live = url != null && StreamUrls.isUrl(url);
        return new CameraSpec(id, url, values, live ? reconnect : DEFAULTS.reconnect, live ? timeout : DEFAULTS.timeout);
    }
}
