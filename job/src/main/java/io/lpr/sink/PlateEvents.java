package io.lpr.sink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Identity of a stored plate event. */
public final class PlateEvents {
    /** 128 of SHA-1's 160 bits: as unlikely to collide as a UUID, and shorter to read. */
    private static final int ID_BYTES = 16;

    private PlateEvents() {}

    /**
     * A 32-character lowercase hex id that depends only on (camera, plate text, first seen), so replaying the same
     * input upserts the same rows instead of adding new ones.
     */
    public static String eventId(String cameraId, String plateText, long firstSeenEpochMillis) {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(plateText, "plateText");
        // The unit separator cannot occur in a camera id or plate text, so ("a","bc") and ("ab","c") differ.
        String key = cameraId + '\u001f' + plateText + '\u001f' + firstSeenEpochMillis;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }
}
