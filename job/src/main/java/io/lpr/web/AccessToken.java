package io.lpr.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The optional secret of {@code lpr serve}, from {@value #ENV}: a request must then carry it as
 * {@code Authorization: Bearer TOKEN}, or as the password of HTTP basic auth (any user name), which is what
 * a browser asks for.
 */
final class AccessToken {
    static final String ENV = "LPR_SERVE_TOKEN";
    private static final String REALM = "Basic realm=\"lpr\", charset=\"UTF-8\"";

    private final byte[] token;

    private AccessToken(byte[] token) {
        this.token = token;
    }

    /** @param token null or blank for none: every request is let in */
    static AccessToken of(String token) {
        return new AccessToken(token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8));
    }

    boolean required() {
        return token != null;
    }

    /** Answers 401 (and stops the request) unless the request carries the token. */
    void check(Context ctx) {
        if (token == null || presented(ctx.header("Authorization"))) {
            return;
        }
        ctx.header("WWW-Authenticate", REALM);
        throw new Unauthorized();
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

    /** Constant time, so the answer's timing says nothing about how much of a guess was right. */
    private boolean matches(byte[] presented) {
        return MessageDigest.isEqual(token, presented);
    }

    /** Answered 401 with a prompt for the token. */
    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized() {
            super("this server needs its access token (" + ENV + "): send it as a bearer token or as the basic-auth password");
        }
    }
}
