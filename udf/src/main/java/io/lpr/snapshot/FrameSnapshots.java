package io.lpr.snapshot;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

import io.lpr.event.Snapshot;
import io.lpr.image.Images;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Makes a frame's snapshot: scaled down to the configured width where the frame is wider, then
 * JPEG. Called by detection only for a frame that has a plate candidate, once per frame however many plates it
 * has; frames without plates, the great majority, cost nothing. Deterministic: the same frame gives the same bytes,
 * so a replayed passage rewrites its snapshot unchanged.
 */
public final class FrameSnapshots {
    private final SnapshotConfig config;

    public FrameSnapshots(SnapshotConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The snapshot of {@code frame} (BGR, the frame's own size), or null when snapshots are off. */
    public Snapshot of(Mat frame) {
        if (!config.enabled()) {
            return null;
        }
        int[] size = config.sizeFor(frame.cols(), frame.rows());
        if (size[0] == frame.cols()) {
            return new Snapshot(Images.encodeJpeg(frame, config.quality()), frame.cols(), frame.rows(), frame.cols(), frame.rows());
        }
        // Area averaging where a snapshot pixel covers 2 or more frame pixels across (no aliasing); below that,
        // bilinear, which looks the same there at a quarter of the CPU (1920 to 1280: 12 against 4 cpu-ms, docs/snapshots.md).
        int interpolation = frame.cols() >= 2 * size[0] ? INTER_AREA : INTER_LINEAR;
        try (Mat scaled = Images.resized(frame, size[0], size[1], interpolation)) {
            return new Snapshot(Images.encodeJpeg(scaled, config.quality()), size[0], size[1], frame.cols(), frame.rows());
        }
    }
}
