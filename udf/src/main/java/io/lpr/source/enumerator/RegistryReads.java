package io.lpr.source.enumerator;

import io.lpr.camera.CameraSpec;
import io.lpr.registry.CameraRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry poll's outcome for the enumerator: the cameras by id, or, for a failed read or duplicate ids, a
 * warning logged once per distinct problem while the last good read goes on.
 */
final class RegistryReads {
    private static final Logger LOG = LoggerFactory.getLogger(CameraEnumerator.class);

    private final CameraRegistry registry;
    private String lastPollError;

    RegistryReads(CameraRegistry registry) {
        this.registry = registry;
    }

    /**
     * The cameras wanted now, by id; null when the poll failed ({@code desired}, the last good read, goes on).
     */
    Map<String, CameraSpec> wanted(List<CameraSpec> cameras, Throwable error, Map<String, CameraSpec> desired) {
        if (error == null) {
            try {
                CameraSpec.requireUniqueIds(cameras);
            } catch (IllegalArgumentException e) {
                error = e;
            }
        }
        if (error != null) {
            String message = error instanceof RuntimeException && error.getMessage() != null
                    ? error.getMessage() : registry + ": " + error;
            if (!message.equals(lastPollError)) {
                LOG.warn("{}; {}", message, desired == null ? "no camera starts until it can be read"
                        : "the " + desired.size() + " cameras of its last good read go on");
                lastPollError = message;
            }
            return null;
        }
        if (lastPollError != null) {
            LOG.info("The camera registry ({}) can be read again", registry);
            lastPollError = null;
        }
        Map<String, CameraSpec> wanted = new LinkedHashMap<>();
        cameras.forEach(camera -> wanted.put(camera.id(), camera));
        return wanted;
    }
}
