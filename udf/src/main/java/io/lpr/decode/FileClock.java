package io.lpr.decode;

import io.lpr.camera.CameraSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * When a video file's recording started, the same on every run so that a file's events keep their times and
 * ids: the container's {@code creation_time} when it has one, else the file's modification time less the
 * video's duration (a recorder closes the file when it stops recording). Never the time of the run. Frames are
 * timed from it by their offset into the video ({@link FrameClock#file}).
 */
public final class FileClock {
    private FileClock() {}

    /** When the recording in {@code file} started: its events are timed from then on. */
    public static long startMillis(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            return startMillis(CameraSpec.of("file", file.toString()), grabber);
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new IOException("not a video FFmpeg can read: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    static long startMillis(CameraSpec camera, FFmpegFrameGrabber grabber) {
        long modified;
        try {
            modified = Files.getLastModifiedTime(Path.of(camera.url())).toMillis();
        } catch (IOException | InvalidPathException e) {
            modified = 0; // opened a moment ago and gone since: it plays no further anyway
        }
        return startMillis(grabber.getMetadata("creation_time"), modified, grabber.getLengthInTime());
    }

    /**
     * @param creationTime the container's creation_time tag (ISO-8601), or null
     * @param modifiedMillis the file's modification time
     * @param durationMicros the video's duration, or 0 when unknown
     */
    public static long startMillis(String creationTime, long modifiedMillis, long durationMicros) {
        Long created = parse(creationTime);
        return created != null ? created : modifiedMillis - Math.max(0, durationMicros) / 1000;
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
