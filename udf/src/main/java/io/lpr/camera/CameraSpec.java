package io.lpr.camera;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One camera the job reads: an id, where its video comes from, and how its frames are sampled.
 * Checked when built, so a spec that exists is a valid one; the {@code with...} methods make changed copies.
 * The settings a camera's entry may give are listed once, in {@link CameraField}; {@link CameraDefaults#resolve}
 * fills in what an entry leaves out.
 *
 * <p>The URL is a video file's path, or a live stream: {@code rtsp://} / {@code rtsps://}
 * (transport TCP or UDP) or {@code http(s)://}. A live URL may carry credentials
 * ({@code rtsp://user:password@host/path}) and reference environment variables as
 * {@code ${NAME}} (see {@link StreamUrls}); {@link #toString()} and every message show it
 * through {@link #maskedUrl()}.
 *
 * @param settings the entry's {@link CameraField settings}, each of its field's kind; a field left out takes its
 *     default ({@link CameraField#defaultFor}), so two specs that run alike are equal. A field the pipeline reads
 *     is read with {@link #get}; the typed getters below name the ones read in many places
 * @param reconnect how a live stream retries after a failure
 * @param timeout how long a live stream may stay silent (connect, each read) before it counts as dead
 */
public record CameraSpec(String id, String url, Map<CameraField, Object> settings, Reconnect reconnect,
        Duration timeout) implements Serializable {

    /** How RTP packets of an {@code rtsp://} stream travel. */
    public enum Transport {
        /** Interleaved in the RTSP connection: no loss, passes firewalls; the default. */
        TCP,
        /** Separate UDP ports: lower latency, but packets (and with them frames) can be lost. */
        UDP
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String FORMAT = "expected ID=URL, e.g. cam1=/videos/gate.mp4 or cam1=rtsp://10.0.0.5/stream";

    /** @throws IllegalArgumentException with a one-line reason naming the camera and the bad setting */
    public CameraSpec {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("camera id '" + id
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("camera " + id + " has no video path or URL");
        }
        StreamUrls.requireValidLiveUrl(id, url);
        settings = complete(id, url, settings);
        double sampleFps = (Double) settings.get(CameraField.FPS);
        if (!(sampleFps >= 0) || Double.isInfinite(sampleFps)) {
            throw new IllegalArgumentException("camera " + id
                    + ": sample rate must be 0 (every frame) or a positive number of frames per second, got " + sampleFps);
        }
        int width = (Integer) settings.get(CameraField.WIDTH);
        int height = (Integer) settings.get(CameraField.HEIGHT);
        if (!(width == 0 && height == 0) && (width <= 0 || height <= 0)) {
            throw new IllegalArgumentException("camera " + id
                    + ": frame size must be positive, or 0x0 for the native size, got " + width + "x" + height);
        }
        Transport transport = (Transport) settings.get(CameraField.TRANSPORT);
        if (transport != Transport.TCP && !isRtsp(url)) {
            throw new IllegalArgumentException("camera " + id + ": transport " + transport.name().toLowerCase(
                    Locale.ROOT) + " applies to rtsp:// cameras only, not to " + StreamUrls.mask(url));
        }
        Objects.requireNonNull(reconnect, "reconnect");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("camera " + id + ": timeout must be positive, got " + timeout);
        }
    }

    /** {@code given} over every field's default, each value of its field's kind; null values are left out. */
    private static Map<CameraField, Object> complete(String id, String url, Map<CameraField, Object> given) {
        Map<CameraField, Object> all = new EnumMap<>(CameraField.class);
        for (CameraField field : CameraField.values()) {
            if (!field.inSpec()) {
                continue;
            }
            Object value = given != null && given.get(field) != null ? given.get(field) : field.defaultFor(url);
            if (value != null) {
                try {
                    all.put(field, field.kind().cast(value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("camera " + id + ": " + field.key() + " " + e.getMessage(), e);
                }
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * A camera reading every frame of {@code url}, resized to 1920x1080; a file as fast as it
     * decodes, a live stream as it comes (over TCP for RTSP).
     *
     * @throws IllegalArgumentException with a one-line reason for a bad id or url
     */
    public static CameraSpec of(String id, String url) {
        return new CameraSpec(id, url, Map.of(), CameraDefaults.DEFAULTS.reconnect(), CameraDefaults.DEFAULTS.timeout());
    }

    /**
     * Parses {@code ID=URL}, e.g. {@code cam1=/videos/gate.mp4} or {@code cam1=rtsp://10.0.0.5/stream}.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not of that form
     */
    public static CameraSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty camera spec; " + FORMAT);
        }
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException(
                    "camera spec '" + StreamUrls.mask(spec) + "' has no '='; " + FORMAT);
        }
        String id = spec.substring(0, eq).trim();
        String url = spec.substring(eq + 1).trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException(
                    "camera spec '" + StreamUrls.mask(spec) + "' has no camera id before '='; " + FORMAT);
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

    /** A setting's value; null where a field has none (no region of interest). */
    public Object get(CameraField field) {
        return settings.get(field);
    }

    /** Frames analysed per second; 0 analyses every frame. Sampling follows stream time for files and event time for live streams. */
    public double sampleFps() {
        return (Double) get(CameraField.FPS);
    }

    /** Play files at their own frame rate, as a live camera would deliver them; live streams ignore it. */
    public boolean realtime() {
        return (Boolean) get(CameraField.REALTIME);
    }

    /** Analysed frames (after cropping to the region of interest) are resized to {@code width x height}; 0x0 keeps the size. */
    public int width() {
        return (Integer) get(CameraField.WIDTH);
    }

    public int height() {
        return (Integer) get(CameraField.HEIGHT);
    }

    /** RTSP transport; only {@code rtsp://} and {@code rtsps://} cameras may use UDP. */
    public Transport transport() {
        return (Transport) get(CameraField.TRANSPORT);
    }

    /** Analyse only this part of the picture (source pixels); null for the whole picture. */
    public Roi roi() {
        return (Roi) get(CameraField.ROI);
    }

    /** This camera with the {@link CameraField settings} in {@code values}; one check for them together. */
    public CameraSpec with(Map<CameraField, ?> values) {
        Map<CameraField, Object> changed = new EnumMap<>(CameraField.class);
        changed.putAll(settings);
        changed.putAll(values);
        return new CameraSpec(id, url, changed, reconnect, timeout);
    }

    public CameraSpec withSampleFps(double fps) {
        return with(Map.of(CameraField.FPS, fps));
    }

    public CameraSpec withRealtime(boolean playAtOwnRate) {
        return with(Map.of(CameraField.REALTIME, playAtOwnRate));
    }

    public CameraSpec withSize(int newWidth, int newHeight) {
        return with(Map.of(CameraField.WIDTH, newWidth, CameraField.HEIGHT, newHeight));
    }

    public CameraSpec withTransport(Transport newTransport) {
        return with(Map.of(CameraField.TRANSPORT, Objects.requireNonNull(newTransport, "transport")));
    }

    /** @param region null for the whole picture */
    public CameraSpec withRoi(Roi region) {
        Map<CameraField, Object> changed = new EnumMap<>(CameraField.class);
        changed.putAll(settings);
        changed.put(CameraField.ROI, region);
        return new CameraSpec(id, url, changed, reconnect, timeout);
    }

    public CameraSpec withReconnect(Reconnect policy) {
        return new CameraSpec(id, url, settings, policy, timeout);
    }

    public CameraSpec withTimeout(Duration value) {
        return new CameraSpec(id, url, settings, reconnect, value);
    }

    /**
     * The same camera at {@code newUrl}: the URL with its credentials, looked up by id where a camera was
     * restored from state, which holds it with its passwords masked.
     */
    public CameraSpec withUrl(String newUrl) {
        return new CameraSpec(id, Objects.requireNonNull(newUrl, "url"), settings, reconnect, timeout);
    }

    /** Whether this is {@code other} but for the passwords in the URL, which one of them has masked. */
    public boolean sameButForMaskedCredentials(CameraSpec other) {
        return equals(other) || (other != null && (withUrl(StreamUrls.mask(url)).equals(other)
                || equals(other.withUrl(StreamUrls.mask(other.url)))));
    }

    /**
     * The URL or path as given, credentials and environment references included: pass it only to
     * code that opens the stream. Anything shown or logged uses {@link #maskedUrl()}.
     */
    @Override
    public String url() {
        return url;
    }

    /** The URL with its password replaced by {@code ***}: safe to log, store and show. */
    public String maskedUrl() {
        return StreamUrls.mask(url);
    }

    public boolean resizes() {
        return width() > 0;
    }

    /** A file ends; a live stream does not. */
    public boolean isFile() {
        return !StreamUrls.isUrl(url);
    }

    public boolean isLive() {
        return !isFile();
    }

    public boolean isRtsp() {
        return isRtsp(url);
    }

    static boolean isRtsp(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("rtsp://") || lower.startsWith("rtsps://");
    }

    /** Id, masked URL and the settings that differ from the defaults. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(id).append('=').append(maskedUrl()).append(" (")
                .append(sampleFps() == 0 ? "every frame" : sampleFps() + " fps");
        if (roi() != null) {
            text.append(", roi ").append(roi());
        }
        text.append(resizes() ? ", " + width() + "x" + height() : ", native size");
        if (realtime()) {
            text.append(", realtime");
        }
        if (transport() != Transport.TCP) {
            text.append(", ").append(transport().name().toLowerCase(Locale.ROOT));
        }
        if (!reconnect.equals(Reconnect.DEFAULT)) {
            text.append(", ").append(reconnect);
        }
        if (!timeout.equals(CameraDefaults.DEFAULTS.timeout())) {
            text.append(", timeout ").append(timeout.toMillis()).append(" ms");
        }
        return text.append(')').toString();
    }
}
