package io.lpr.camera;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The settings of a camera entry beyond its id and URL, each written once: its name (the cameras file's key,
 * the cameras table's column and {@code cameras add}'s option {@code --NAME}), its kind, what it means, and
 * where its value comes from when an entry leaves it out. The cameras file, the table, the command line, the
 * checkpointed split, the {@link CameraSpec} and the resolution of defaults ({@link CameraDefaults#resolve}) all
 * read this list, so adding a setting is adding a constant here; the pipeline reads it with
 * {@link CameraSpec#get}.
 */
public enum CameraField {
    ENABLED("enabled", FieldKind.BOOLEAN, true, false, null, null,
            "Whether the job reads the camera; false stops it and keeps its entry."),
    FPS("fps", FieldKind.NUMBER, null, true, "lpr.camera.sample-fps", (d, url) -> d.sampleFps(),
            "Frames analysed per second; 0 analyses every frame."),
    REALTIME("realtime", FieldKind.BOOLEAN, false, true, null, null,
            "Play a video file at its own frame rate, as a live camera delivers it."),
    WIDTH("width", FieldKind.WHOLE, null, true, "lpr.camera.frame-width", (d, url) -> d.width(),
            "Width analysed frames are resized to; width and height 0 keep the native size."),
    HEIGHT("height", FieldKind.WHOLE, null, true, "lpr.camera.frame-height", (d, url) -> d.height(),
            "Height analysed frames are resized to; given with width."),
    ROI("roi", FieldKind.REGION, null, true, null, null,
            "Region of interest x,y,width,height in source pixels; default the whole picture."),
    TRANSPORT("transport", FieldKind.TRANSPORT, null, true, "lpr.camera.transport",
            (d, url) -> CameraSpec.isRtsp(url) ? d.transport() : CameraSpec.Transport.TCP, "RTSP transport, tcp or udp (rtsp:// cameras only).");

    /** Settings that mean nothing alone: one given without the other is refused. */
    private static final List<List<CameraField>> PAIRS = List.of(List.of(WIDTH, HEIGHT));

    private final String key;
    private final FieldKind kind;
    private final Object unset;
    private final boolean inSpec;
    private final String setting;
    private final BiFunction<CameraDefaults, String, Object> fromSettings;
    private final String description;

    CameraField(String key, FieldKind kind, Object unset, boolean inSpec, String setting,
            BiFunction<CameraDefaults, String, Object> fromSettings, String description) {
        this.key = key;
        this.kind = kind;
        this.unset = unset;
        this.inSpec = inSpec;
        this.setting = setting;
        this.fromSettings = fromSettings;
        this.description = description;
    }

    /** The cameras file's key, the table's column and, as {@code --key}, the command line's option. */
    public String key() {
        return key;
    }

    public FieldKind kind() {
        return kind;
    }

    /** The value when neither the entry nor the job's settings give one (a NOT NULL column's default); or null. */
    public Object unset() {
        return unset;
    }

    /** The job-wide setting ({@code lpr.camera.*}) an entry that leaves this out takes; null for none. */
    public String setting() {
        return setting;
    }

    /** What it means, with where its default comes from: for help and the README. */
    public String description() {
        return setting == null ? description : description + " Default: the job's " + setting + ".";
    }

    /** The job-wide value for the camera at {@code url} when its entry leaves this out; null for none. */
    Object fromSettings(CameraDefaults defaults, String url) {
        return fromSettings == null ? unset : fromSettings.apply(defaults, url);
    }

    /** What a {@link CameraSpec} of the camera at {@code url} holds when nothing sets this: the defaults' value. */
    Object defaultFor(String url) {
        return fromSettings(CameraDefaults.DEFAULTS, url);
    }

    /** @throws IllegalArgumentException {@code KEY must be ..., got '...'} */
    public Object parse(String text) {
        try {
            return kind.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + e.getMessage(), e);
        }
    }

    /** {@link FieldKind#fromJson} naming this setting. */
    public Object fromJson(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return kind.fromJson(node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + e.getMessage(), e);
        }
    }

    /** {@link FieldKind#fromSql} naming this setting. */
    public Object fromSql(Object stored) {
        try {
            return kind.fromSql(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + e.getMessage(), e);
        }
    }

    public static Optional<CameraField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /**
     * Checks an entry's values: each of its kind, pairs given together.
     *
     * @throws IllegalArgumentException naming the camera and the setting
     */
    public static void check(String id, Map<CameraField, Object> values) {
        values.forEach((field, value) -> {
            try {
                field.kind.cast(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("camera " + id + ": " + field.key + " " + e.getMessage(), e);
            }
        });
        for (List<CameraField> pair : PAIRS) {
            if (pair.stream().filter(values::containsKey).count() == 1) {
                throw new IllegalArgumentException("camera " + id + ": give both "
                        + String.join(" and ", pair.stream().map(CameraField::key).toList()) + ", or neither");
            }
        }
    }

    /** The value a spec runs with; null for a setting only the registry reads ({@link #ENABLED}). */
    public Object of(CameraSpec camera) {
        return camera.get(this);
    }

    /** Whether a {@link CameraSpec} holds it: false for a setting only the registry reads. */
    public boolean inSpec() {
        return inSpec;
    }
}
