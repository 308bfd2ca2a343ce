package io.lpr.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The optional secret of {@code lpr serve}, from {@value #ENV}: a request must then carry it as
 * {@code Authorization: Bearer TOKEN}, or as the password of HTTP basic auth (any user name), which is what
 * a browser asks for.
 */
final class AccessToken {
    static final String ENV = "LPR_SERVE_TOKEN";
    /** Shorter tokens are refused at start: 16 random characters are beyond guessing over HTTP. */
    static final int MIN_LENGTH = 16;
    private static final String REALM = "Basic realm=\"lpr\", charset=\"UTF-8\"";
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final byte[] token;

    private AccessToken(byte[] token) {
        this.token = token;
    }

    /**
     * @param token null or blank for none (only loopback names are answered then)
     * @throws IllegalArgumentException for a token shorter than {@value #MIN_LENGTH} characters
     */
    static AccessToken of(String token) {
        if (token == null || token.isBlank()) {
            return new AccessToken(null);
        }
        String problem = problem(token);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new AccessToken(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Why {@code token} cannot guard the server, or null when it can; never quotes the token. */
    static String problem(String token) {
        int length = token.codePointCount(0, token.length());
        return length >= MIN_LENGTH ? null : ENV + " is " + length + " characters long; it must have at least "
                + MIN_LENGTH + " (e.g. the output of: openssl rand -hex 16)";
    }

    boolean required() {
        return token != null;
    }

    /**
     * Answers 401 (and stops the request) unless the request carries the token. Without a token only this
     * machine may ask, and a web page from elsewhere must not either, through a name it re-points at
     * 127.0.0.1 (DNS rebinding): the request must name the server as localhost or a loopback address.
     */
    void check(Context ctx) {
        if (token == null) {
            requireLoopbackHost(ctx.header("Host"));
            return;
        }
        if (presented(ctx.header("Authorization"))) {
            return;
        }
        ctx.header("WWW-Authenticate", REALM);
        throw new Unauthorized();
    }

    /**
     * Whether the request may see more than that the server is up: it carries the token, or, without a
     * token, names the server by a loopback name (the same rule as {@link #check}, without refusing).
     */
    boolean allows(Context ctx) {
        return token == null ? isLoopbackHost(ctx.header("Host")) : presented(ctx.header("Authorization"));
    }

    private boolean presented(String header) {
        if (header == null) {
            return false;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon >= 0 && matches(pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static void requireLoopbackHost(String host) {
        if (!isLoopbackHost(host)) {
            throw new Forbidden("this server answers only to localhost or 127.0.0.1 (Host was '"
                    + Text.clip(host == null ? "" : host) + "'); serving other names needs " + ENV);
        }
    }

    private static boolean isLoopbackHost(String host) {
        String name = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(1, Math.max(1, name.indexOf(']')));
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.equals("localhost") || name.equals("::1") || LOOPBACK_V4.matcher(name).matches();
    }

    /** Constant time, so the answer's timing says nothing about how much of a guess was right. */
    private boolean matches(byte[] presented) {
        return MessageDigest.isEqual(token, presented);
    }

    /** Answered 403: a request that names this server by a name that is not loopback. */
    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(message);
        }
    }

    /** Answered 401 with a prompt for the token. */
    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized() {
            super("this server needs its access token (" + ENV + "): send it as a bearer token or as the basic-auth password");
        }
    }
}
