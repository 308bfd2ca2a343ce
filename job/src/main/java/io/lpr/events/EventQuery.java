package io.lpr.events;

import java.time.Instant;

/**
 * Filters for {@link EventStore#query}; a null filter matches everything.
 *
 * @param cameraId exact camera id
 * @param plateText a plate or part of one ({@code 567AM}), or a pattern with {@code *} (any symbols) and
 *     {@code ?} (one symbol), e.g. {@code *567AM*}; Cyrillic letters and lower case are accepted
 *     ({@link io.lpr.plate.PlateMatch}); with {@code %} it is a SQL LIKE pattern as before
 * @param since events first seen at or after this instant
 * @param until events first seen before this instant
 * @param limit at most this many events, the newest ones (must be positive)
 * @param withCrops whether to load the crop JPEGs (left null otherwise)
 * @param near plates within {@link #NEAR_EDITS} edit of this one, look-alikes (O/0, B/8, C/O ...) free: a
 *     misread or mistyped plate ({@link io.lpr.plate.PlateMatch#near})
 * @param offset skip this many of the newest matching events first (paging)
 * @param before only events older than this key in the newest-first order (keyset paging); null for none
 * @param after only events newer than this key: the {@code limit} just newer, not the newest (the page before
 *     a page); null for none
 */
public record EventQuery(String cameraId, String plateText, Instant since, Instant until, int limit,
        boolean withCrops, String near, int offset, EventKey before, EventKey after) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int NEAR_EDITS = io.lpr.plate.PlateMatch.NEAR_EDITS;

    /** The first page of plates near {@code near}. */
    public EventQuery(String cameraId, String plateText, Instant since, Instant until, int limit, boolean withCrops,
            String near) {
        this(cameraId, plateText, since, until, limit, withCrops, near, 0, null, null);
    }

    /** A page of the matching events, {@code offset} newest ones skipped. */
    public EventQuery(String cameraId, String plateText, Instant since, Instant until, int limit, boolean withCrops,
            int offset) {
        this(cameraId, plateText, since, until, limit, withCrops, null, offset, null, null);
    }

    public EventQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (before != null && after != null) {
            throw new IllegalArgumentException("give before or after, not both");
        }
    }

    /** The same filters, {@code limit} events from a key on: older than {@code before}, or just newer than {@code after}. */
    public EventQuery page(int limit, int offset, EventKey before, EventKey after) {
        return new EventQuery(cameraId, plateText, since, until, limit, withCrops, near, offset, before, after);
    }

    /** The first page: no events skipped. */
    public EventQuery(String cameraId, String plateText, Instant since, Instant until, int limit, boolean withCrops) {
        this(cameraId, plateText, since, until, limit, withCrops, null, 0, null, null);
    }

    /** The newest {@value #DEFAULT_LIMIT} events, without crops. */
    public static EventQuery latest() {
        return new EventQuery(null, null, null, null, DEFAULT_LIMIT, false);
    }
}
