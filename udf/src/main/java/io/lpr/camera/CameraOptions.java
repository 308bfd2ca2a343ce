package io.lpr.camera;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * Job-wide camera settings, {@code lpr.camera.*}: what a camera's own entry leaves out ({@link CameraDefaults}),
 * with defaults from {@link CameraSpec} and {@link Reconnect#DEFAULT}.
 */
public final class CameraOptions {
    private CameraOptions() {}

    public static final ConfigOption<Double> SAMPLE_FPS = key("lpr.camera.sample-fps").doubleType().defaultValue(5.0)
            .withDescription("Frames analysed per second of video, for cameras that do not set their own; 0 analyses every frame.");
    public static final ConfigOption<Integer> FRAME_WIDTH = key("lpr.camera.frame-width").intType()
            .defaultValue(CameraDefaults.DEFAULTS.width())
            .withDescription("Frames are resized to this width before detection (the reference used 1920x1080); 0 keeps the source size.");
    public static final ConfigOption<Integer> FRAME_HEIGHT = key("lpr.camera.frame-height").intType()
            .defaultValue(CameraDefaults.DEFAULTS.height())
            .withDescription("Frames are resized to this height before detection; 0 keeps the source size.");
    public static final ConfigOption<Boolean> REALTIME = key("lpr.camera.realtime").booleanType().defaultValue(false)
            .withDescription("Play video files at their own frame rate instead of as fast as possible.");
    public static final ConfigOption<CameraSpec.Transport> TRANSPORT = key("lpr.camera.transport")
            .enumType(CameraSpec.Transport.class).defaultValue(CameraDefaults.DEFAULTS.transport())
            .withDescription("RTSP transport for cameras that do not set their own: TCP, or UDP (needs a lossless network).");
    public static final ConfigOption<Duration> TIMEOUT = key("lpr.camera.timeout").durationType()
            .defaultValue(CameraDefaults.DEFAULTS.timeout())
            .withDescription("A live stream silent this long (connecting or reading) counts as disconnected.");
    public static final ConfigOption<Duration> RECONNECT_INITIAL_DELAY = key("lpr.camera.reconnect.initial-delay")
            .durationType().defaultValue(Reconnect.DEFAULT.initialDelay())
            .withDescription("First wait before reconnecting a live stream; it grows after each failure, with jitter.");
    public static final ConfigOption<Duration> RECONNECT_MAX_DELAY = key("lpr.camera.reconnect.max-delay")
            .durationType().defaultValue(Reconnect.DEFAULT.maxDelay())
            .withDescription("Longest wait between reconnects; streams that fail for good are retried at this rate.");
    public static final ConfigOption<Double> RECONNECT_MULTIPLIER = key("lpr.camera.reconnect.multiplier")
            .doubleType().defaultValue(Reconnect.DEFAULT.multiplier())
            .withDescription("How much the reconnect wait grows after each failure.");
}
