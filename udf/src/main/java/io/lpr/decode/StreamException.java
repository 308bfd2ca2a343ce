package io.lpr.decode;

import io.lpr.camera.StreamUrls;
import java.io.IOException;

/**
 * A camera's video could not be opened or read. The message is one line naming the camera, its
 * URL passwords masked; no cause is attached, since FFmpeg's own messages quote the full URL.
 */
public final class StreamException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    StreamException(String message, boolean permanent) {
        super(StreamUrls.mask(message));
        this.permanent = permanent;
    }

    /** Retrying soon will not help: a bad URL, refused credentials, a missing stream or file. */
    public boolean isPermanent() {
        return permanent;
    }
}
