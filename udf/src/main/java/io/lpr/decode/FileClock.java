package io.lpr.decode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Event time of a video file's frames, the same on every run so that a file's events keep their times and ids:
 * the recording's start plus the frame's offset into the video (its timestamp less the first frame's, since
 * streams such as MPEG-TS start their clock anywhere). The start is the container's {@code creation_time}
 * when it has one, else the file's modification time less the video's duration (a recorder closes the file
 * when it stops recording). Never the time of the run.
 */
public final class FileClock {
    private final long startMillis;
    private long originMicros = Long.MIN_VALUE;

    FileClock(long startMillis) {
        this.startMillis = startMillis;
    }

    /**
     * @param creationTime the container's creation_time tag (ISO-8601), or null
     * @param modifiedMillis the file's modification time
     * @param durationMicros the video's duration, or 0 when unknown
     */
    public static FileClock of(String creationTime, long modifiedMillis, long durationMicros) {
        Long created = parse(creationTime);
        return new FileClock(created != null ? created : modifiedMillis - Math.max(0, durationMicros) / 1000);
    }

    /** The offset into the video of a frame with this timestamp, ms; the first frame given is at 0. */
    public long offsetMillis(long timestampMicros) {
        if (originMicros == Long.MIN_VALUE) {
            originMicros = timestampMicros;
        }
        return Math.floorDiv(timestampMicros - originMicros, 1000);
    }

    /** Event time of a frame with this timestamp: the recording's start plus its offset. */
    public long eventTime(long timestampMicros) {
        return startMillis + offsetMillis(timestampMicros);
    }

    public long startMillis() {
        return startMillis;
    }

    private static Long parse(String creationTime) {
        if (creationTime == null || creationTime.isBlank()) {
            return null;
        }
        try {
            long millis = OffsetDateTime.parse(creationTime.trim()).toInstant().toEpochMilli();
            // Muxers that know no time write the epoch (1970) or 1904 (QuickTime's zero): no creation time.
            return millis > Instant.parse("1971-01-01T00:00:00Z").toEpochMilli() ? millis : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
