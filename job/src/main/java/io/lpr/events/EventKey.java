package io.lpr.events;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an event stands in the list's order (newest first: {@code first_seen}, then {@code event_id}, both
 * descending): the cursor of keyset paging. A page that starts from a key stays the same page while new events
 * arrive, which an offset does not. Written {@code <first_seen epoch ms>.<event id>}, e.g.
 * {@code 1714564920000.6f1c...}; callers pass it back as they got it.
 */
public record EventKey(long firstSeenMillis, String eventId) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,19})\\.([A-Za-z0-9._:-]{1,128})");

    public EventKey {
        Objects.requireNonNull(eventId, "eventId");
    }

    public static EventKey of(StoredEvent stored) {
        return new EventKey(stored.event().firstSeen, stored.event().eventId);
    }

    /** @throws IllegalArgumentException for text that {@link #toString()} did not write */
    public static EventKey parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an event key: expected <first_seen ms>.<event id>");
        }
        try {
            return new EventKey(Long.parseLong(m.group(1)), m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an event key: its time is out of range");
        }
    }

    @Override
    public String toString() {
        return firstSeenMillis + "." + eventId;
    }
}
