package io.lpr.registry;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Cameras from a YAML file, read afresh on every poll:
 *
 * <pre>
 * cameras:
 *   - id: gate1
 *     url: rtsp://${GATE_USER}:${GATE_PASS}@10.0.0.5/stream1   # from the environment, never logged
 *     fps: 5            # frames analysed per second; default the job's lpr.camera.sample-fps
 *     enabled: true     # default true; false stops the camera
 *   - id: yard
 *     url: /videos/yard.mp4
 *     realtime: true    # play a file at its own frame rate
 *     width: 1280       # resize analysed frames; 0 and 0 keep the native size
 *     height: 720
 *   - id: lane2
 *     url: rtsp://10.0.0.6/stream1
 *     transport: udp    # default tcp
 *     roi: [640, 360, 1280, 720]   # x, y, width, height in source pixels
 * </pre>
 *
 * {@link CamerasYaml} binds the file to records, refusing unknown keys and values of the wrong kind. A file with
 * any error (bad YAML, an unknown field, a bad value, an id twice) is refused as a whole, with one line
 * naming the problem and its line ({@code FILE:LINE}), so a typo never stops cameras that are running.
 */
public final class YamlCameraRegistry implements CameraRegistry {
    private static final long serialVersionUID = 1L;

    /** A String, as {@link Path} is not serializable. */
    private final String file;
    private final CameraDefaults defaults;

    private YamlCameraRegistry(Path file, CameraDefaults defaults) {
        this.file = file.toString();
        this.defaults = defaults;
    }

    /**
     * Reads {@code file} once now, so a missing or broken file stops the job before it starts.
     *
     * @throws RegistryException with a one-line reason
     */
    public static YamlCameraRegistry open(Path file) {
        return open(file, CameraDefaults.DEFAULTS);
    }

    /** As {@link #open(Path)}, with job-wide settings for what a camera's entry leaves out. */
    public static YamlCameraRegistry open(Path file, CameraDefaults defaults) {
        YamlCameraRegistry registry = new YamlCameraRegistry(file.toAbsolutePath().normalize(), defaults);
        registry.poll();
        return registry;
    }

    @Override
    public List<CameraSpec> poll() {
        return CameraEntry.toSpecs(entries(), defaults, toString());
    }

    /** Every camera in the file, disabled ones included. */
    public List<CameraEntry> entries() {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new RegistryException(this + " does not exist");
        } catch (IOException e) {
            throw new RegistryException(this + " cannot be read: " + e.getMessage(), e);
        }
        return CamerasYaml.parse(text, toString());
    }

    @Override
    public boolean isDynamic() {
        return true;
    }

    @Override
    public String toString() {
        return "camera file " + file;
    }
}
