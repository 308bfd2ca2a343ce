package io.lpr.registry;

import io.lpr.camera.CameraSpec;
import java.util.List;

/** Cameras given once, e.g. on the command line; they never change while the job runs. */
final class FixedCameraRegistry implements CameraRegistry {
    private static final long serialVersionUID = 1L;

    private final List<CameraSpec> cameras;

    /** @throws IllegalArgumentException naming the first id that repeats */
    FixedCameraRegistry(List<CameraSpec> cameras) {
        CameraSpec.requireUniqueIds(cameras);
        this.cameras = List.copyOf(cameras);
    }

    @Override
    public List<CameraSpec> poll() {
        return cameras;
    }

    @Override
    public boolean isDynamic() {
        return false;
    }

    @Override
    public String toString() {
        return cameras.size() + " fixed cameras";
    }
}
