package io.lpr.camera;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camera URLs: masking the secrets in them before any text reaches a log line, an exception
 * message, a metric label or a table, and resolving the environment references they may hold.
 *
 * <p>A password in {@code user:password@} (or in a query parameter such as {@code password=})
 * becomes {@code ***}. A URL may reference environment variables as {@code ${NAME}}, e.g.
 * {@code rtsp://admin:${GATE_PASS}@10.0.0.5/stream}: the camera's spec and the job's state keep
 * the reference, and the value is read only when the stream is opened. The value is inserted as it
 * is, so characters that are special in URLs ({@code @ : / %}) must be percent-encoded in it.
 */
public final class StreamUrls {
    /** scheme://user:password@ : everything between the first ':' of the user info and the last '@' of the token. */
    private static final Pattern USERINFO_PASSWORD =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@\"'<>]*):[^\\s\"'<>]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;](?:password|passwd|pwd|pass|token|access_token|key|apikey|api_key|secret|auth|signature|sig)=)"
                    + "[^&;\\s\"'<>]*");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$", Pattern.DOTALL);
    private static final Set<String> LIVE_SCHEMES = Set.of("rtsp", "rtsps", "http", "https");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private StreamUrls() {}

    /** {@code text} with every URL password in it replaced by {@code ***}; safe to log. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = USERINFO_PASSWORD.matcher(text).replaceAll("$1:***@");
        return SECRET_PARAM.matcher(masked).replaceAll("$1***");
    }

    /** Whether the URL references environment variables as {@code ${NAME}}. */
    public static boolean hasEnvReferences(String url) {
        return ENV_REFERENCE.matcher(url).find();
    }

    /**
     * The URL with each {@code ${NAME}} replaced by that variable's value.
     *
     * @param env a variable's value, or null when it is not set
     * @throws IllegalArgumentException naming the first variable that is not set
     */
    public static String resolve(String url, java.util.function.UnaryOperator<String> env) {
        Matcher reference = ENV_REFERENCE.matcher(url);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String value = env.apply(reference.group(1));
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + reference.group(1) + " is not set");
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    /** Whether {@code location} is a URL ({@code scheme://...}) rather than a file path. */
    public static boolean isUrl(String location) {
        return URL_SCHEME.matcher(location).matches();
    }

    /**
     * Catches what FFmpeg would only report as a vague error: unknown scheme, no host, bad port. A file
     * path passes.
     *
     * @throws IllegalArgumentException naming the camera, the URL masked
     */
    static void requireValidLiveUrl(String id, String url) {
        Matcher matched = URL_SCHEME.matcher(url);
        if (!matched.matches()) {
            return;
        }
        String scheme = matched.group(1).toLowerCase(Locale.ROOT);
        String rest = matched.group(2);
        String shown = mask(url);
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
        if (hasEnvReferences(hostPort)) {
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
}
