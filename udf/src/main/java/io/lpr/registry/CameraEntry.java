package io.lpr.registry;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.StreamUrls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One camera as a registry (the cameras file or table) holds it: an id, a URL and the {@link CameraField
 * settings} it gives. A setting it leaves out takes the job's own ({@link CameraDefaults}, from
 * {@code lpr.camera.*}). The URL may reference environment variables ({@code ${GATE_PASS}}): they stay
 * references in the spec and are read where the stream is opened.
 *
 * @param settings what the entry gives, each value of its field's kind
 */
public record CameraEntry(String id, String url, Map<CameraField, Object> settings) {

    /** @throws IllegalArgumentException naming the camera and the setting of the wrong kind or without its pair */
    public CameraEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Map<CameraField, Object> given = new EnumMap<>(CameraField.class);
        settings.forEach((field, value) -> {
            // A column's own default (enabled, not realtime) says no more than leaving it out.
            if (value != null && !value.equals(field.unset())) {
                given.put(field, value);
            }
        });
        CameraField.check(id, given);
        settings = Collections.unmodifiableMap(given);
    }

    /** An enabled camera with every other setting the job's. */
    public static CameraEntry of(String id, String url) {
        return new CameraEntry(id, url, Map.of());
    }

    /** @param value null to leave the setting to the job */
    public CameraEntry with(CameraField field, Object value) {
        Map<CameraField, Object> one = new EnumMap<>(CameraField.class);
        one.put(field, value);
        return with(one);
    }

    /** This entry with {@code values} changed together (a null value leaves the setting to the job). */
    public CameraEntry with(Map<CameraField, ?> values) {
        Map<CameraField, Object> changed = new EnumMap<>(CameraField.class);
        changed.putAll(settings);
        changed.putAll(values);
        return new CameraEntry(id, url, changed);
    }

    /** The entry's own value, or null when it leaves it to the job. */
    public Object get(CameraField field) {
        return settings.get(field);
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(settings.get(CameraField.ENABLED));
    }

    /** As written: environment references unresolved, a literal password still in it (see {@link #toString()}). */
    @Override
    public String url() {
        return url;
    }

    /**
     * The camera to run, with {@link CameraSpec}'s own settings for what this entry does not say.
     *
     * @throws IllegalArgumentException with a one-line reason naming the camera, passwords masked
     */
    public CameraSpec toSpec() {
        return toSpec(CameraDefaults.DEFAULTS);
    }

    /** The camera to run, with the job-wide {@code defaults} for what this entry does not say. */
    public CameraSpec toSpec(CameraDefaults defaults) {
        return defaults.resolve(id, url, settings);
    }

    /**
     * The enabled entries as cameras to run.
     *
     * @param source names the registry in error messages
     * @throws RegistryException naming the first entry that is not a valid camera
     */
    static List<CameraSpec> toSpecs(List<CameraEntry> entries, CameraDefaults defaults, String source) {
        List<CameraSpec> specs = new ArrayList<>();
        for (CameraEntry entry : entries) {
            if (entry.enabled()) {
                try {
                    specs.add(entry.toSpec(defaults));
                } catch (IllegalArgumentException e) {
                    throw new RegistryException(source + ": " + StreamUrls.mask(e.getMessage()));
                }
            }
        }
        return specs;
    }

    @Override
    public String toString() {
        return id + "=" + StreamUrls.mask(url) + (enabled() ? "" : " (disabled)");
    }
}
