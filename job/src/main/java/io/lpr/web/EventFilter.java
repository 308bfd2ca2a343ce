package io.lpr.web;

import io.lpr.events.EventKey;
import io.lpr.events.EventQuery;
import io.lpr.events.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of the events page and of {@code /api/events}, checked: each bad parameter is a
 * {@link BadRequest} naming it. The plate goes to {@link EventQuery} unchanged, so it matches exactly as
 * {@code lpr query --plate} does; a plate written {@code ~O567AM76} is a near-miss search, as
 * {@code lpr query --near O567AM76}.
 *
 * @param near the plate of a {@code ~} search, else null (and {@code plate} is null)
 * @param limit events on a page
 * @param offset events skipped, newest first (the old paging; {@code before} is the stable one)
 * @param before the page after this key (keyset paging), or null
 * @param after the page before this key (towards the newest), or null
 */
record EventFilter(String plate, String near, String camera, Instant since, Instant until, int limit, int offset,
        EventKey before, EventKey after) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** An export's events: its default and its most, as a page's are {@link #DEFAULT_LIMIT} and {@link #MAX_LIMIT}. */
    static final int MAX_EXPORT = 10_000;
    static final int MAX_OFFSET = 1_000_000;
    static final List<String> NAMES = List.of("plate", "camera", "since", "until", "limit", "offset", "before", "after");
    static final Set<String> PARAMETERS = Set.copyOf(NAMES);
    /** A near-miss search: a whole plate, letters and digits, no wildcards. */
    private static final Pattern NEAR = Pattern.compile("[\\p{L}\\p{Nd}]{1,20}");

    /** Letters, digits and the wildcards {@code lpr query} knows; anything else cannot be on a plate. */
    private static final Pattern PLATE = Pattern.compile("[\\p{L}\\p{Nd}*%?_ -]{1,20}");
    /** A camera id as the job accepts it (CameraSpec). */
    private static final Pattern CAMERA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A page's filter: at most {@link #MAX_LIMIT} events, {@link #DEFAULT_LIMIT} unless it says. */
    static EventFilter parse(Map<String, List<String>> params) {
        return parse(params, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** An export's filter: at most {@link #MAX_EXPORT} events, that many unless it says. */
    static EventFilter export(Map<String, List<String>> params) {
        return parse(params, MAX_EXPORT, MAX_EXPORT);
    }

    private static EventFilter parse(Map<String, List<String>> params, int defaultLimit, int maxLimit) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadRequest("unknown parameter '" + Text.clip(name) + "': use " + String.join(", ", NAMES));
            }
        }
        String plate = single(params, "plate");
        String near = null;
        if (plate != null && plate.startsWith("~")) {
            near = matching(plate.substring(1).strip(), NEAR, "plate", "after ~ a whole plate: letters and digits, at most 20");
            plate = null;
        }
        plate = matching(plate, PLATE, "plate",
                "letters, digits, spaces, dashes and the wildcards * % ? _, at most 20; or ~ and a plate for near misses");
        String camera = matching(single(params, "camera"), CAMERA, "camera",
                "a camera id: letters, digits, '.', '_' and '-', at most 64");
        Instant since = instant(single(params, "since"), "since");
        Instant until = instant(single(params, "until"), "until");
        if (since != null && until != null && !since.isBefore(until)) {
            throw new BadRequest("since (" + since + ") must be before until (" + until + ")");
        }
        int limit = number(single(params, "limit"), "limit", 1, maxLimit, defaultLimit);
        int offset = number(single(params, "offset"), "offset", 0, MAX_OFFSET, 0);
        EventKey before = key(single(params, "before"), "before");
        EventKey after = key(single(params, "after"), "after");
        if (before != null && after != null || (before != null || after != null) && offset > 0) {
            throw new BadRequest("give one of before, after and offset, not several");
        }
        return new EventFilter(plate, near, camera, since, until, limit, offset, before, after);
    }

    /** One more than a page from the filter's key or offset: the extra one says whether another page exists that way. */
    EventQuery query() {
        return new EventQuery(camera, plate, since, until, limit + 1, false, near, offset, before, after);
    }

    /** Whether this is the newest page, the one that new events appear on. */
    boolean newest() {
        return before == null && after == null && offset == 0;
    }

    /** This filter's newest page. */
    EventFilter first() {
        return new EventFilter(plate, near, camera, since, until, limit, 0, null, null);
    }

    private static EventKey key(String value, String name) {
        try {
            return value == null ? null : EventKey.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(name + " '" + Text.clip(value) + "' is not valid: expected the key a page's "
                    + "next or newer link carries, <first_seen ms>.<event id>");
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BadRequest("parameter '" + name + "' given " + values.size() + " times; give it once");
        }
        String value = values.isEmpty() ? null : values.get(0).strip();
        return value == null || value.isEmpty() ? null : value;
    }

    private static String matching(String value, Pattern pattern, String name, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new BadRequest(name + " '" + Text.clip(value) + "' is not valid: expected " + expected);
        }
        return value;
    }

    /** A time in the forms {@code lpr query --since} takes ({@link Times}). */
    static Instant instant(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Times.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(name + " '" + Text.clip(value) + "' is not a time: expected " + Times.EXAMPLES);
        }
    }

    private static int number(String value, String name, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new BadRequest(name + " '" + Text.clip(value) + "' is not valid: expected a whole number from "
                + min + " to " + max);
    }
}
