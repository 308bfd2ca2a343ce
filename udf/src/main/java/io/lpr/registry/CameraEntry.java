package io.lpr.registry;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.camera.StreamUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One camera as a registry (the cameras file or table) holds it. A setting left unset (null) takes the job's
 * own ({@link CameraDefaults}, from {@code lpr.camera.*}), as every camera inherits the job-wide settings. The
 * URL may reference environment variables ({@code ${GATE_PASS}}): they stay references in the spec and are
 * read where the stream is opened.
 *
 * @param fps frames analysed per second; null for the job's
 * @param width the size analysed frames are resized to: both null for the job's, 0 and 0 for the native size
 * @param roi the part of the picture analysed; null for all of it
 * @param transport RTSP transport; null for the job's
 */
public record CameraEntry(String id, String url, boolean enabled, Double fps, boolean realtime, Integer width,
        Integer height, Roi roi, CameraSpec.Transport transport) {

    public CameraEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        if ((width == null) != (height == null)) {
            throw new IllegalArgumentException("camera " + id + ": give both width and height, or neither");
        }
    }

    /** An enabled camera with every other setting the job's. */
    public static CameraEntry of(String id, String url) {
        return builder(id, url).build();
    }

    public static Builder builder(String id, String url) {
        return new Builder(id, url);
    }

    public Builder toBuilder() {
        return new Builder(id, url).enabled(enabled).fps(fps).realtime(realtime).size(width, height).roi(roi)
                .transport(transport);
    }

    public CameraEntry withEnabled(boolean on) {
        return toBuilder().enabled(on).build();
    }

    public CameraEntry withFps(Double framesPerSecond) {
        return toBuilder().fps(framesPerSecond).build();
    }

    public CameraEntry withRealtime(boolean playAtOwnRate) {
        return toBuilder().realtime(playAtOwnRate).build();
    }

    public CameraEntry withSize(Integer newWidth, Integer newHeight) {
        return toBuilder().size(newWidth, newHeight).build();
    }

    public CameraEntry withRoi(Roi region) {
        return toBuilder().roi(region).build();
    }

    public CameraEntry withTransport(CameraSpec.Transport rtpTransport) {
        return toBuilder().transport(rtpTransport).build();
    }

    /** As written: environment references unresolved, a literal password still in it (see {@link #toString()}). */
    @Override
    public String url() {
        return url;
    }

    /**
     * The camera to run, with {@link CameraSpec}'s own settings for what this entry does not say.
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
    public String toString() {
        return id + "=" + StreamUrls.mask(url) + (enabled ? "" : " (disabled)");
    }

    /** Collects an entry's settings; {@link #build()} checks them. */
    public static final class Builder {
        private final String id;
        private final String url;
        private boolean enabled = true;
        private Double fps;
        private boolean realtime;
        private Integer width;
        private Integer height;
        private Roi roi;
        private CameraSpec.Transport transport;

        private Builder(String id, String url) {
            this.id = id;
            this.url = url;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder fps(Double value) {
            fps = value;
            return this;
        }

        public Builder realtime(boolean value) {
            realtime = value;
            return this;
        }

        public Builder size(Integer newWidth, Integer newHeight) {
            width = newWidth;
            height = newHeight;
            return this;
        }

        public Builder roi(Roi value) {
            roi = value;
            return this;
        }

        public Builder transport(CameraSpec.Transport value) {
            transport = value;
            return this;
        }

        public CameraEntry build() {
            return new CameraEntry(id, url, enabled, fps, realtime, width, height, roi, transport);
        }
    }
}
