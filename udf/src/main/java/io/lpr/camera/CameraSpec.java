package io.lpr.camera;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One camera the job reads: an id, where its video comes from, and how its frames are sampled.
 * Immutable, with value equality over every field; the {@code with...} methods return changed
 * copies.
 *
 * <p>The URL is a video file's path, or a live stream: {@code rtsp://} / {@code rtsps://}
 * (transport TCP or UDP) or {@code http(s)://}. A live URL may carry credentials
 * ({@code rtsp://user:password@host/path}) and reference environment variables as
 * {@code ${NAME}} (see {@link StreamUrls}); {@link #toString()} and every message show it
 * through {@link #maskedUrl()}.
 */
public final class CameraSpec implements Serializable {
    private static final long serialVersionUID = 2L;

    /** The reference resized every frame to 1920x1080 before detection. */
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;
    /** A live stream silent for this long counts as dead. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;

    /** How RTP packets of an {@code rtsp://} stream travel. */
    public enum Transport {
        /** Interleaved in the RTSP connection: no loss, passes firewalls; the default. */
        TCP,
        /** Separate UDP ports: lower latency, but packets (and with them frames) can be lost. */
        UDP
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$", Pattern.DOTALL);
    private static final Set<String> LIVE_SCHEMES = Set.of("rtsp", "rtsps", "http", "https");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final String FORMAT = "expected ID=URL, e.g. cam1=/videos/gate.mp4 or cam1=rtsp://10.0.0.5/stream";

    private final String id;
    private final String url;
    private final double sampleFps;
    private final boolean realtime;
    private final int width;
    private final int height;
    /** Null until set; {@code CameraSource#of} fills it with the job's start time. */
    private final Long baseEpochMillis;
    private final Transport transport;
    /** Null: the whole picture. */
    private final Roi roi;
    private final Reconnect reconnect;
    private final long timeoutMillis;

    private CameraSpec(String id, String url, double sampleFps, boolean realtime, int width, int height,
            Long baseEpochMillis, Transport transport, Roi roi, Reconnect reconnect, long timeoutMillis) {
        this.id = id;
        this.url = url;
        this.sampleFps = sampleFps;
        this.realtime = realtime;
        this.width = width;
        this.height = height;
        this.baseEpochMillis = baseEpochMillis;
        this.transport = transport;
        this.roi = roi;
        this.reconnect = reconnect;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A camera reading every frame of {@code url}, resized to 1920x1080; a file as fast as it
     * decodes, a live stream as it comes (over TCP for RTSP).
     *
     * @throws IllegalArgumentException with a one-line reason for a bad id or url
     */
    public static CameraSpec of(String id, String url) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("camera id '" + id
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("camera " + id + " has no video path or URL");
        }
        Matcher scheme = URL_SCHEME.matcher(url);
        if (scheme.matches()) {
            checkLiveUrl(id, url, scheme.group(1).toLowerCase(Locale.ROOT), scheme.group(2));
        }
        return new CameraSpec(id, url, 0, false, DEFAULT_WIDTH, DEFAULT_HEIGHT, null, Transport.TCP, null,
                Reconnect.DEFAULT, DEFAULT_TIMEOUT_MILLIS);
    }

    /** Catches what FFmpeg would only report as a vague error: unknown scheme, no host, bad port. */
    private static void checkLiveUrl(String id, String url, String scheme, String rest) {
        String shown = StreamUrls.mask(url);
        if (!LIVE_SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("camera " + id + ": unsupported URL scheme '" + scheme + "' in "
                    + shown + "; use rtsp://, rtsps://, http://, https:// or a file path");
        }
        // User info ends at the last '@' before any query: passwords may hold '/' or '@'.
        int query = rest.indexOf('?');
        int at = (query < 0 ? rest : rest.substring(0, query)).lastIndexOf('@');
        String afterUser = rest.substring(at + 1);
        int end = afterUser.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = afterUser.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String hostPort = afterUser.substring(0, end);
        if (StreamUrls.hasEnvReferences(hostPort)) {
            return;
        }
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']')))
                : hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        if (host.isEmpty() || host.equals("[]")) {
            throw new IllegalArgumentException("camera " + id + ": no host in " + shown);
        }
        if (colon >= 0) {
            String port = hostPort.substring(colon + 1);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("camera " + id + ": bad port '" + port + "' in " + shown);
            }
        }
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

    /**
     * Frames analysed per second; 0 analyses every frame. Sampling follows stream time for files
     * and event time for live streams; frames it skips are decoded but never converted.
     */
    public CameraSpec withSampleFps(double fps) {
        if (!(fps >= 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("camera " + id
                    + ": sample rate must be 0 (every frame) or a positive number of frames per second, got " + fps);
        }
        return new CameraSpec(id, url, fps, realtime, width, height, baseEpochMillis, transport, roi, reconnect,
                timeoutMillis);
    }

    /** Plays files at their own frame rate, as a live camera would deliver them. Live streams ignore it. */
    public CameraSpec withRealtime(boolean playAtOwnRate) {
        return new CameraSpec(id, url, sampleFps, playAtOwnRate, width, height, baseEpochMillis, transport, roi,
                reconnect, timeoutMillis);
    }

    /**
     * Resizes every analysed frame (after cropping to the {@link #withRoi region of interest}) to
     * exactly {@code width x height} (INTER_AREA); 0x0 keeps the native (or region's) size.
     */
    public CameraSpec withSize(int newWidth, int newHeight) {
        boolean nativeSize = newWidth == 0 && newHeight == 0;
        if (!nativeSize && (newWidth <= 0 || newHeight <= 0)) {
            throw new IllegalArgumentException("camera " + id
                    + ": frame size must be positive, or 0x0 for the native size, got " + newWidth + "x" + newHeight);
        }
        return new CameraSpec(id, url, sampleFps, realtime, newWidth, newHeight, baseEpochMillis, transport, roi,
                reconnect, timeoutMillis);
    }

    /**
     * The epoch milliseconds that stream time 0 of a file maps to: a file frame's event time is
     * this plus its timestamp in the file. Live streams take their event time from the stream
     * clock (see {@code VideoDecoder}).
     */
    public CameraSpec withBaseEpochMillis(long epochMillis) {
        return new CameraSpec(id, url, sampleFps, realtime, width, height, epochMillis, transport, roi, reconnect,
                timeoutMillis);
    }

    /** RTSP transport; only {@code rtsp://} and {@code rtsps://} cameras may use UDP. */
    public CameraSpec withTransport(Transport newTransport) {
        Objects.requireNonNull(newTransport, "transport");
        if (newTransport != Transport.TCP && !isRtsp()) {
            throw new IllegalArgumentException("camera " + id + ": transport " + newTransport.name().toLowerCase(
                    Locale.ROOT) + " applies to rtsp:// cameras only, not to " + maskedUrl());
        }
        return new CameraSpec(id, url, sampleFps, realtime, width, height, baseEpochMillis, newTransport, roi,
                reconnect, timeoutMillis);
    }

    /** Analyses only this part of the picture (source pixels); null for the whole picture. */
    public CameraSpec withRoi(Roi region) {
        return new CameraSpec(id, url, sampleFps, realtime, width, height, baseEpochMillis, transport, region,
                reconnect, timeoutMillis);
    }

    /** How a live stream retries after a failure. */
    public CameraSpec withReconnect(Reconnect policy) {
        return new CameraSpec(id, url, sampleFps, realtime, width, height, baseEpochMillis, transport, roi,
                Objects.requireNonNull(policy, "reconnect"), timeoutMillis);
    }

    /** How long a live stream may stay silent (connect, each read) before it counts as dead. */
    public CameraSpec withTimeoutMillis(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("camera " + id + ": timeout must be positive, got " + millis + " ms");
        }
        return new CameraSpec(id, url, sampleFps, realtime, width, height, baseEpochMillis, transport, roi,
                reconnect, millis);
    }

    public String id() {
        return id;
    }

    /**
     * The URL or path as given, credentials and environment references included: pass it only to
     * code that opens the stream. Anything shown or logged uses {@link #maskedUrl()}.
     */
    public String url() {
        return url;
    }

    /** The URL with its password replaced by {@code ***}: safe to log, store and show. */
    public String maskedUrl() {
        return StreamUrls.mask(url);
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

    public Transport transport() {
        return transport;
    }

    /** Null when the whole picture is analysed. */
    public Roi roi() {
        return roi;
    }

    public Reconnect reconnect() {
        return reconnect;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** A file ends; a live stream does not. */
    public boolean isFile() {
        return !URL_SCHEME.matcher(url).matches();
    }

    public boolean isLive() {
        return !isFile();
    }

    public boolean isRtsp() {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("rtsp://") || lower.startsWith("rtsps://");
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
                && Objects.equals(baseEpochMillis, other.baseEpochMillis) && transport == other.transport
                && Objects.equals(roi, other.roi) && reconnect.equals(other.reconnect)
                && timeoutMillis == other.timeoutMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url, sampleFps, realtime, width, height, baseEpochMillis, transport, roi, reconnect,
                timeoutMillis);
    }

    /** Id, masked URL and the settings that differ from the defaults. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(id).append('=').append(maskedUrl()).append(" (")
                .append(sampleFps == 0 ? "every frame" : sampleFps + " fps");
        if (roi != null) {
            text.append(", roi ").append(roi);
        }
        text.append(resizes() ? ", " + width + "x" + height : ", native size");
        if (realtime) {
            text.append(", realtime");
        }
        if (transport != Transport.TCP) {
            text.append(", ").append(transport.name().toLowerCase(Locale.ROOT));
        }
        if (!reconnect.equals(Reconnect.DEFAULT)) {
            text.append(", ").append(reconnect);
        }
        if (timeoutMillis != DEFAULT_TIMEOUT_MILLIS) {
            text.append(", timeout ").append(timeoutMillis).append(" ms");
        }
        if (baseEpochMillis != null) {
            text.append(", base ").append(baseEpochMillis);
        }
        return text.append(')').toString();
    }
}
