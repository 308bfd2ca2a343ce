package io.lpr.registry;

import io.lpr.camera.CameraSpec;
import java.io.Serializable;
import java.util.List;

/**
 * Where the cameras a job reads come from. The source's enumerator polls it on the job manager,
 * off its coordinator thread: cameras that appear are started, cameras that disappear (removed or
 * disabled) are stopped, and cameras whose settings change are restarted.
 *
 * <p>Implementations are small serializable descriptions (a path, a JDBC URL) that read their
 * source afresh on every poll; secrets stay out of them (environment variables are resolved on
 * poll).
 */
public interface CameraRegistry extends Serializable {

    /**
     * The cameras that should run now: enabled ones only, ids unique.
     *
     * @throws RegistryException with a one-line reason when the registry cannot be read or holds a
     *     bad entry; the caller keeps the cameras of its last good poll
     */
    List<CameraSpec> poll();

    /** Whether the cameras can change while the job runs; a fixed list of files makes a bounded job. */
    boolean isDynamic();

    /** A fixed list: today's {@code --camera ID=PATH}. */
    static CameraRegistry fixed(List<CameraSpec> cameras) {
        return new FixedCameraRegistry(cameras);
    }

    /** The cameras of all {@code registries} together; an id given by two of them is an error. */
    static CameraRegistry union(List<CameraRegistry> registries) {
        return registries.size() == 1 ? registries.get(0) : new UnionCameraRegistry(registries);
    }
}
