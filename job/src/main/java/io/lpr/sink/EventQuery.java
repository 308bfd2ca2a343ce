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
 */
public record EventQuery(String cameraId, String plateText, Instant since, Instant until, int limit,
        boolean withCrops) {
    public static final int DEFAULT_LIMIT = 100;

    public EventQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} events, without crops. */
    public static EventQuery latest() {
        return new EventQuery(null, null, null, null, DEFAULT_LIMIT, false);
    }
}
