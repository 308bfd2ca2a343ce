package io.lpr.settings;

import io.lpr.camera.CameraOptions;
import io.lpr.source.CameraSource;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Where the cameras come from; checked when built.
 *
 * @param cameras cameras given as {@code id=path-or-url}
 * @param file a YAML file of cameras re-read while the job runs; null for none
 * @param table whether the sink database's {@code cameras} table is read too
 * @param pollInterval how often the file and the table are re-read
 * @param realtime whether video files play at their own frame rate
 */
public record CameraSources(List<String> cameras, String file, boolean table, Duration pollInterval, boolean realtime)
        implements Serializable {
    /** The poll interval is the source's own default. */
    public static final CameraSources DEFAULTS =
            new CameraSources(List.of(), null, false, CameraSource.DEFAULT_POLL_INTERVAL, false);

    /** @throws IllegalArgumentException naming the bad setting */
    public CameraSources {
        cameras = List.copyOf(cameras);
        if (pollInterval == null || pollInterval.toMillis() <= 0) {
            throw new IllegalArgumentException("lpr.cameras-poll-interval must be positive, got " + pollInterval);
        }
    }

    /** The {@code lpr.cameras*} settings ({@link SourceOptions}) and {@code lpr.camera.realtime}, checked. */
    public static CameraSources from(ReadableConfig c) {
        return new CameraSources(c.getOptional(SourceOptions.CAMERAS).orElse(List.of()),
                c.getOptional(SourceOptions.CAMERAS_FILE).orElse(null), c.get(SourceOptions.CAMERAS_TABLE),
                c.get(SourceOptions.CAMERAS_POLL_INTERVAL), c.get(CameraOptions.REALTIME));
    }

    public CameraSources withCameras(List<String> value) {
        return new CameraSources(value, file, table, pollInterval, realtime);
    }

    public CameraSources withFile(String value) {
        return new CameraSources(cameras, value, table, pollInterval, realtime);
    }

    public CameraSources withTable(boolean value) {
        return new CameraSources(cameras, file, value, pollInterval, realtime);
    }

    public CameraSources withPollInterval(Duration value) {
        return new CameraSources(cameras, file, table, value, realtime);
    }

    public CameraSources withRealtime(boolean value) {
        return new CameraSources(cameras, file, table, pollInterval, value);
    }
}
