package io.lpr.events;

import java.time.Instant;
import java.util.List;

/** The time forms the README and docs/api.md document, all for one instant: the CLI's and the API's tests use them. */
public final class TimeForms {
    /** 2024-05-01T12:01:00Z, written every documented way. */
    public static final Instant AT = Instant.parse("2024-05-01T12:01:00Z");
    public static final List<String> FORMS = List.of("2024-05-01T12:01", "2024-05-01 12:01", "2024-05-01T12:01:00",
            "2024-05-01 12:01:00", "2024-05-01T12:01Z", "2024-05-01T12:01:00Z", "2024-05-01T12:01:00.000Z",
            "2024-05-01T15:01+03:00", "2024-05-01T15:01:00+03:00", "2024-05-01T15:01+0300", "2024-05-01T08:01-04:00");
    /** A date alone is its midnight, UTC. */
    public static final String DATE = "2024-05-01";

    private TimeForms() {}
}
