package io.lpr.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.lpr.image.DeclaredSize;
import io.lpr.stills.RecognitionService;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /api/recognize}: an image (JPEG or PNG) as the body, the plates found as the answer, the same objects
 * {@code lpr recognize} prints ({@link io.lpr.stills.PlatesJson}). Everything about the body is checked before a
 * model sees it: its declared type, its length (413 over {@code maxBytes}), its first bytes (415 unless JPEG or
 * PNG) and the pixels its header declares (413 over {@link DeclaredSize#MAX_PIXELS}); a full queue is a 503 with
 * {@code Retry-After}.
 */
public final class RecognizeApi implements AutoCloseable {
    static final String PATH = "/api/recognize";
    /** Types that are not "simple" to CORS, so a page elsewhere cannot make a browser post here unasked. */
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/octet-stream");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String RETRY_AFTER_SECONDS = "1";

    private final RecognitionService service;
    private final long maxBytes;

    private RecognizeApi(RecognitionService service, long maxBytes) {
        this.service = service;
        this.maxBytes = maxBytes;
    }

    /** Not served: the route answers how to turn it on. */
    public static RecognizeApi off() {
        return new RecognizeApi(null, 0);
    }

    /** Served by {@code service}, which the server closes when it stops. */
    public static RecognizeApi of(RecognitionService service, long maxBytes) {
        return new RecognizeApi(service, maxBytes);
    }

    void register(JavalinConfig config) {
        config.routes.post(PATH, this::recognize);
        config.routes.exception(TooLarge.class, (e, ctx) -> WebServer.fail(ctx, 413, e.getMessage()));
        config.routes.exception(Unsupported.class, (e, ctx) -> WebServer.fail(ctx, 415, e.getMessage()));
        config.routes.exception(RecognitionService.NotAnImage.class, (e, ctx) -> WebServer.fail(ctx, 400, e.getMessage()));
        config.routes.exception(RecognitionService.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            WebServer.fail(ctx, 503, e.getMessage());
        });
    }

    private void recognize(Context ctx) throws IOException {
        if (service == null) {
            throw new NotFound("recognition is not served here: start lpr serve with --recognize "
                    + "(the models from --models DIR or $LPR_MODELS_DIR)");
        }
        // The header as sent: Jetty's own parse fails on a charset it does not know (image/png; charset=binary).
        String header = ctx.header("Content-Type");
        String type = header == null ? "" : header.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new Unsupported("Content-Type " + (type.isEmpty() ? "missing" : "'" + Text.clip(type) + "'")
                    + ": send the image itself as the body with Content-Type image/jpeg or image/png "
                    + "(curl: --data-binary @car.jpg -H 'Content-Type: image/jpeg')");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes");
        }
        byte[] body = readAtMost(ctx.bodyInputStream());
        if (body.length == 0) {
            throw new BadRequest("the body is empty: send a JPEG or PNG image as the body");
        }
        if (!startsWith(body, JPEG) && !startsWith(body, PNG)) {
            throw new Unsupported("the body is not a JPEG or PNG image (its first bytes say so)");
        }
        DeclaredSize size = DeclaredSize.of(body);
        if (size != null && size.pixels() > DeclaredSize.MAX_PIXELS) {
            throw new TooLarge("the image declares " + size + " pixels, more than the "
                    + DeclaredSize.MAX_PIXELS / 1_000_000 + " million that are decoded");
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("plates", service.read(body));
        ctx.json(answer);
    }

    /** The body, or 413 as soon as it is longer than allowed (a chunked body declares no length). */
    private byte[] readAtMost(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw tooLarge("more than " + maxBytes + " bytes");
        }
        return body;
    }

    private TooLarge tooLarge(String size) {
        return new TooLarge("the body has " + size + "; the most is " + maxBytes
                + " bytes (lpr.serve.recognize.max-bytes)");
    }

    private static boolean startsWith(byte[] body, byte[] magic) {
        return body.length >= magic.length && Arrays.equals(body, 0, magic.length, magic, 0, magic.length);
    }

    @Override
    public void close() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    /** Answered 413. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** Answered 415. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }
}
