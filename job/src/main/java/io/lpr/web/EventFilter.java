package io.lpr.web;

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
 * {@code lpr query --plate} does.
 *
 * @param limit events on a page
 * @param offset events skipped, newest first
 */
record EventFilter(String plate, String camera, Instant since, Instant until, int limit, int offset) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_OFFSET = 1_000_000;
    static final Set<String> PARAMETERS = Set.of("plate", "camera", "since", "until", "limit", "offset");

    /** Letters, digits and the wildcards {@code lpr query} knows; anything else cannot be on a plate. */
    private static final Pattern PLATE = Pattern.compile("[\\p{L}\\p{Nd}*%?_ -]{1,20}");
    /** A camera id as the job accepts it (CameraSpec). */
    private static final Pattern CAMERA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static EventFilter parse(Map<String, List<String>> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadRequest("unknown parameter '" + Text.clip(name) + "': use " + String.join(", ",
                        List.of("plate", "camera", "since", "until", "limit", "offset")));
            }
        }
        String plate = matching(single(params, "plate"), PLATE, "plate",
                "letters, digits, spaces, dashes and the wildcards * % ? _, at most 20");
        String camera = matching(single(params, "camera"), CAMERA, "camera",
                "a camera id: letters, digits, '.', '_' and '-', at most 64");
        Instant since = instant(single(params, "since"), "since");
        Instant until = instant(single(params, "until"), "until");
        if (since != null && until != null && !since.isBefore(until)) {
            throw new BadRequest("since (" + since + ") must be before until (" + until + ")");
        }
        int limit = number(single(params, "limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        int offset = number(single(params, "offset"), "offset", 0, MAX_OFFSET, 0);
        return new EventFilter(plate, camera, since, until, limit, offset);
    }

    /** One more than a page, newest first from {@link #offset}: the extra one says whether a next page exists. */
    EventQuery query() {
        return new EventQuery(camera, plate, since, until, limit + 1, false, offset);
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
