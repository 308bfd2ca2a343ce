package io.lpr.source.enumerator;

import io.lpr.camera.CameraSpec;
import io.lpr.source.split.CameraSplit;
import java.util.List;

/** How the enumerator tells a changed camera from the one running, and starts a camera's split. */
final class CameraChanges {
    private CameraChanges() {}

    /** A camera's first split: the run's start time for it is now, kept in the split from then on. */
    static CameraSplit newSplit(CameraSpec camera) {
        return CameraSplit.startedAt(camera, System.currentTimeMillis());
    }

    /** Equal settings; a restored camera's URL has its passwords masked: it is the registry's camera if all else is equal. */
    static boolean sameCamera(CameraSpec a, CameraSpec b) {
        return a.sameButForMaskedCredentials(b);
    }

    static List<String> ids(List<CameraSplit> splits) {
        return splits.stream().map(CameraSplit::splitId).toList();
    }
}
