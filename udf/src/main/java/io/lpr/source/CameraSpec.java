package io.lpr.source;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One camera the job reads: an id, where its video comes from, and how its frames are sampled.
 * Immutable; the {@code with...} methods return changed copies.
 *
 * <p>Only video files are supported for now. A live stream (rtsp://, http://) would be a spec
 * whose {@link #isFile()} is false; the source already treats such cameras as unbounded.
 */
public final class CameraSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The reference resized every frame to 1920x1080 before detection. */
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final String FORMAT = "expected ID=PATH, e.g. cam1=/videos/gate.mp4";

    private final String id;
    private final String url;
    private final double sampleFps;
    private final boolean realtime;
    private final int width;
    private final int height;
    /** Null until set; {@link CameraSource#of} fills it with the job's start time. */
    private final Long baseEpochMillis;

    private CameraSpec(
            String id, String url, double sampleFps, boolean realtime, int width, int height, Long baseEpochMillis) {
        this.id = id;
        this.url = url;
        this.sampleFps = sampleFps;
        this.realtime = realtime;
        this.width = width;
        this.height = height;
        this.baseEpochMillis = baseEpochMillis;
    }

    /**
     * A camera reading every frame of {@code url}, resized to 1920x1080, as fast as it decodes.
     *
     * @throws IllegalArgumentException with a one-line reason for a bad id or url
     */
    public static CameraSpec of(String id, String url) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("camera id '" + id
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("camera " + id + " has no video path");
        }
        if (URL_SCHEME.matcher(url).matches()) {
            throw new IllegalArgumentException("camera " + id + ": live streams (" + url
                    + ") are not supported yet; give the path of a video file");
        }
        return new CameraSpec(id, url, 0, false, DEFAULT_WIDTH, DEFAULT_HEIGHT, null);
    }

    /**
     * Parses {@code ID=PATH}, e.g. {@code cam1=/videos/gate.mp4}.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not of that form
     */
    public static CameraSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty camera spec; " + FORMAT);
        }
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("camera spec '" + spec + "' has no '='; " + FORMAT);
        }
        String id = spec.substring(0, eq).trim();
        String url = spec.substring(eq + 1).trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("camera spec '" + spec + "' has no camera id before '='; " + FORMAT);
        }
        if (url.isEmpty()) {
            throw new IllegalArgumentException("camera spec '" + spec + "' has no video path after '='; " + FORMAT);
        }
        return of(id, url);
    }

    /** @throws IllegalArgumentException naming the first camera id that appears twice */
    public static void requireUniqueIds(Collection<CameraSpec> cameras) {
        Set<String> seen = new HashSet<>();
        for (CameraSpec camera : cameras) {
            if (!seen.add(camera.id)) {
                throw new IllegalArgumentException("camera id '" + camera.id + "' is given more than once");
            }
        }
    }

    /** Frames analysed per second of video; 0 analyses every frame. Sampling follows stream time. */
    public CameraSpec withSampleFps(double fps) {
        if (!(fps >= 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("camera " + id
                    + ": sample rate must be 0 (every frame) or a positive number of frames per second, got " + fps);
        }
        return new CameraSpec(id, url, fps, realtime, width, height, baseEpochMillis);
    }

    /** Plays files at their own frame rate, as a live camera would deliver them. */
    public CameraSpec withRealtime(boolean playAtOwnRate) {
        return new CameraSpec(id, url, sampleFps, playAtOwnRate, width, height, baseEpochMillis);
    }

    /** Resizes every analysed frame to exactly {@code width x height} (INTER_AREA); 0x0 keeps the native size. */
    public CameraSpec withSize(int newWidth, int newHeight) {
        boolean nativeSize = newWidth == 0 && newHeight == 0;
        if (!nativeSize && (newWidth <= 0 || newHeight <= 0)) {
            throw new IllegalArgumentException("camera " + id
                    + ": frame size must be positive, or 0x0 for the native size, got " + newWidth + "x" + newHeight);
        }
        return new CameraSpec(id, url, sampleFps, realtime, newWidth, newHeight, baseEpochMillis);
    }

    /**
     * The epoch milliseconds that stream time 0 maps to: a frame's event time is this plus its
     * timestamp in the stream. For a file, the wall-clock time its recording started.
     */
    public CameraSpec withBaseEpochMillis(long epochMillis) {
        return new CameraSpec(id, url, sampleFps, realtime, width, height, epochMillis);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public double sampleFps() {
        return sampleFps;
    }

    public boolean realtime() {
        return realtime;
    }

    /** Target width, or 0 for the native size. */
    public int width() {
        return width;
    }

    /** Target height, or 0 for the native size. */
    public int height() {
        return height;
    }

    public boolean resizes() {
        return width > 0;
    }

    public boolean hasBaseEpochMillis() {
        return baseEpochMillis != null;
    }

    /** @throws IllegalStateException when no base was set */
    public long baseEpochMillis() {
        if (baseEpochMillis == null) {
            throw new IllegalStateException("camera " + id + " has no base time");
        }
        return baseEpochMillis;
    }

    /** A file ends; a live stream does not. */
    public boolean isFile() {
        return !URL_SCHEME.matcher(url).matches();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CameraSpec)) {
            return false;
        }
        CameraSpec other = (CameraSpec) o;
        return id.equals(other.id) && url.equals(other.url) && Double.compare(sampleFps, other.sampleFps) == 0
                && realtime == other.realtime && width == other.width && height == other.height
                && Objects.equals(baseEpochMillis, other.baseEpochMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url, sampleFps, realtime, width, height, baseEpochMillis);
    }

    @Override
    public String toString() {
        return id + "=" + url + " (" + (sampleFps == 0 ? "every frame" : sampleFps + " fps")
                + (resizes() ? ", " + width + "x" + height : ", native size") + (realtime ? ", realtime" : "")
                + (baseEpochMillis == null ? "" : ", base " + baseEpochMillis) + ")";
    }
}
