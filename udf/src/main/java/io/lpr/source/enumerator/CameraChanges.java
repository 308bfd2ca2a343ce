package io.lpr.source.enumerator;

import io.lpr.camera.CameraSpec;
import io.lpr.source.split.CameraSplit;
import java.util.List;

/** How the enumerator tells a changed camera from the one running, and gives a new one its base time. */
final class CameraChanges {
    private CameraChanges() {}

    /** Cameras without a base time get the time they are first seen, kept in their split from then on. */
    static CameraSpec withBase(CameraSpec camera) {
        return camera.hasBaseEpochMillis() ? camera : camera.withBaseEpochMillis(System.currentTimeMillis());
    }

    /** Equal settings; the base time is the enumerator's, not the registry's. */
    static boolean sameCamera(CameraSpec a, CameraSpec b) {
        // A restored camera's URL has its passwords masked: it is the registry's camera if all else is equal.
        return a.withBaseEpochMillis(0).sameButForMaskedCredentials(b.withBaseEpochMillis(0));
    }

    static List<String> ids(List<CameraSplit> splits) {
        return splits.stream().map(CameraSplit::splitId).toList();
    }
}
