package io.lpr.registry;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.camera.StreamUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One camera as a registry holds it; settings left unset (null) keep {@link CameraSpec}'s
 * defaults. The URL may reference environment variables ({@code ${GATE_PASS}}): they stay
 * references in the spec and are read where the stream is opened. Immutable.
 */
public final class CameraEntry {
    private final String id;
    private final String url;
    private final boolean enabled;
    private final Double fps;
    private final boolean realtime;
    private final Integer width;
    private final Integer height;
    private final Roi roi;
    private final CameraSpec.Transport transport;

    private CameraEntry(String id, String url, boolean enabled, Double fps, boolean realtime, Integer width,
            Integer height, Roi roi, CameraSpec.Transport transport) {
        this.id = Objects.requireNonNull(id, "id");
        this.url = Objects.requireNonNull(url, "url");
        this.enabled = enabled;
        this.fps = fps;
        this.realtime = realtime;
        this.width = width;
        this.height = height;
        this.roi = roi;
        this.transport = transport;
    }

    /** An enabled camera with every other setting at its default. */
    public static CameraEntry of(String id, String url) {
        return new CameraEntry(id, url, true, null, false, null, null, null, null);
    }

    public CameraEntry withEnabled(boolean on) {
        return new CameraEntry(id, url, on, fps, realtime, width, height, roi, transport);
    }

    /** Frames analysed per second; null keeps the default (every frame). */
    public CameraEntry withFps(Double framesPerSecond) {
        return new CameraEntry(id, url, enabled, framesPerSecond, realtime, width, height, roi, transport);
    }

    /** Plays a file at its own frame rate. */
    public CameraEntry withRealtime(boolean playAtOwnRate) {
        return new CameraEntry(id, url, enabled, fps, playAtOwnRate, width, height, roi, transport);
    }

    /** The size analysed frames are resized to; null, null keeps the default, 0, 0 the native size. */
    public CameraEntry withSize(Integer newWidth, Integer newHeight) {
        if ((newWidth == null) != (newHeight == null)) {
            throw new IllegalArgumentException("camera " + id + ": give both width and height, or neither");
        }
        return new CameraEntry(id, url, enabled, fps, realtime, newWidth, newHeight, roi, transport);
    }

    /** The part of the picture analysed; null for all of it. */
    public CameraEntry withRoi(Roi region) {
        return new CameraEntry(id, url, enabled, fps, realtime, width, height, region, transport);
    }

    /** RTSP transport; null keeps the default (TCP). */
    public CameraEntry withTransport(CameraSpec.Transport rtpTransport) {
        return new CameraEntry(id, url, enabled, fps, realtime, width, height, roi, rtpTransport);
    }

    public String id() {
        return id;
    }

    /** As written: environment references unresolved, a literal password still in it (see {@link #toString()}). */
    public String url() {
        return url;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Null when unset. */
    public Double fps() {
        return fps;
    }

    public boolean realtime() {
        return realtime;
    }

    /** Null when unset. */
    public Integer width() {
        return width;
    }

    /** Null when unset. */
    public Integer height() {
        return height;
    }

    /** Null when unset. */
    public Roi roi() {
        return roi;
    }

    /** Null when unset. */
    public CameraSpec.Transport transport() {
        return transport;
    }

    /**
     * The camera to run.
     *
     * @throws IllegalArgumentException with a one-line reason naming the camera, passwords masked
     */
    public CameraSpec toSpec() {
        return toSpec(CameraDefaults.NONE);
    }

    /** The camera to run, with the job-wide {@code defaults} for what this entry does not say. */
    public CameraSpec toSpec(CameraDefaults defaults) {
        CameraSpec spec = CameraSpec.of(id, url).withRealtime(realtime).withRoi(roi);
        return defaults.apply(spec, fps, width, height, transport);
    }

    /**
     * The enabled entries as cameras to run.
     *
     * @param source names the registry in error messages
     * @throws RegistryException naming the first entry that is not a valid camera
     */
    static List<CameraSpec> toSpecs(List<CameraEntry> entries, CameraDefaults defaults, String source) {
        List<CameraSpec> specs = new ArrayList<>();
        for (CameraEntry entry : entries) {
            if (entry.enabled()) {
                try {
                    specs.add(entry.toSpec(defaults));
                } catch (IllegalArgumentException e) {
                    throw new RegistryException(source + ": " + StreamUrls.mask(e.getMessage()));
                }
            }
        }
        return specs;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CameraEntry)) {
            return false;
        }
        CameraEntry other = (CameraEntry) o;
        return id.equals(other.id) && url.equals(other.url) && enabled == other.enabled
                && Objects.equals(fps, other.fps) && realtime == other.realtime
                && Objects.equals(width, other.width) && Objects.equals(height, other.height)
                && Objects.equals(roi, other.roi) && transport == other.transport;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url, enabled, fps, realtime, width, height, roi, transport);
    }

    @Override
    public String toString() {
        return id + "=" + StreamUrls.mask(url) + (enabled ? "" : " (disabled)");
    }
}
