package io.lpr.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A point in time as people write it, for {@code lpr query --since} and the API's {@code since}/{@code until}
 * alike (README, docs/api.md): a date (its midnight, UTC); a date and time with {@code T} or a space, minutes
 * or seconds or fractions, UTC unless it says otherwise; with {@code Z}, an offset ({@code +03:00},
 * {@code +0300}) or a zone ({@code [Europe/Moscow]}).
 */
public final class Times {
    /** The forms, as help texts and error messages show them. */
    public static final String EXAMPLES = "2026-11-30, 2026-11-30T08:00 or 2026-11-30 08:00:00 (UTC), "
            + "2026-11-30T08:00+03:00, 2026-11-30T05:00Z or 2026-11-30T05:00:00.250Z";

    /** An offset after the time: {@code Z}, {@code +03:00} or {@code +0300}. */
    private static final Pattern OFFSET = Pattern.compile(".*T\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:?\\d\\d)$");
    /** A URL's {@code +} decoded to a space before an offset ({@code ?since=...T08:00+03:00} not written %2B). */
    private static final Pattern PLUS_AS_SPACE = Pattern.compile("(.*\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?) (\\d\\d:?\\d\\d)$");

    private Times() {}

    /** @throws IllegalArgumentException naming the value and the forms accepted */
    public static Instant parse(String value) {
        String text = value.strip();
        text = PLUS_AS_SPACE.matcher(text).replaceFirst("$1+$4").replace(' ', 'T');
        try {
            if (!text.contains("T")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("]")) {
                return ZonedDateTime.parse(text).toInstant();
            }
            if (OFFSET.matcher(text).matches()) {
                // java.time wants the offset's colon: +0300 is +03:00.
                return OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date or time: use e.g. " + EXAMPLES);
        }
    }
}
