package io.lpr.sink;

import java.time.Instant;

/**
 * Filters for {@link EventStore#query}; a null filter matches everything.
 *
 * @param cameraId exact camera id
 * @param plateText exact plate text, or a SQL LIKE pattern when it contains {@code %} (e.g. {@code B840%})
 * @param since events first seen at or after this instant
 * @param until events first seen before this instant
 * @param limit at most this many events, the newest ones (must be positive)
 * @param withCrops whether to load the crop JPEGs (left null otherwise)
 * @param offset skip this many of the newest matching events first (paging)
 */
public record EventQuery(String cameraId, String plateText, Instant since, Instant until, int limit,
        boolean withCrops, int offset) {
    public static final int DEFAULT_LIMIT = 100;

    public EventQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }

    /** The first page: no events skipped. */
    public EventQuery(String cameraId, String plateText, Instant since, Instant until, int limit, boolean withCrops) {
        this(cameraId, plateText, since, until, limit, withCrops, 0);
    }

    /** The newest {@value #DEFAULT_LIMIT} events, without crops. */
    public static EventQuery latest() {
        return new EventQuery(null, null, null, null, DEFAULT_LIMIT, false);
    }
}
