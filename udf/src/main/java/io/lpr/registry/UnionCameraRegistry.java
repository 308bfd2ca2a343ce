package io.lpr.registry;

import io.lpr.camera.CameraSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Several registries read as one, e.g. a YAML file for the fixed cameras and a table for the rest. */
final class UnionCameraRegistry implements CameraRegistry {
    private static final long serialVersionUID = 1L;

    private final List<CameraRegistry> registries;

    UnionCameraRegistry(List<CameraRegistry> registries) {
        if (registries.isEmpty()) {
            throw new IllegalArgumentException("no camera registries given");
        }
        this.registries = List.copyOf(registries);
    }

    @Override
    public List<CameraSpec> poll() {
        List<CameraSpec> all = new ArrayList<>();
        Map<String, CameraRegistry> origin = new HashMap<>();
        for (CameraRegistry registry : registries) {
            for (CameraSpec camera : registry.poll()) {
                CameraRegistry first = origin.putIfAbsent(camera.id(), registry);
                if (first != null) {
                    throw new RegistryException("camera id '" + camera.id() + "' is in both " + first + " and "
                            + registry + "; ids must be unique");
                }
                all.add(camera);
            }
        }
        return all;
    }

    @Override
    public boolean isDynamic() {
        return registries.stream().anyMatch(CameraRegistry::isDynamic);
    }

    @Override
    public String toString() {
        return registries.toString();
    }
}
